import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { base32Encode } from '../electron/core';
import { keytarSecretStore } from '../electron/vault';
import { INDEX_FILE, INDEX_KEY_ID } from '../electron/vault/secret-service/item-index';
import { readSecretServiceItems } from '../electron/vault/secret-service/read-all';
import { emit, median } from './figures';
import { digestOf, type SampleReport } from './secret-service-read/sample';

/**
 * Is the built-in D-Bus client worth keeping? The same read of 500 secrets on the real
 * gnome-keyring (run inside scripts/with-keyring.mjs), each sample in a fresh `node` process as
 * `keyfob code` runs: the batch read (read-all.ts) over the built-in client and over dbus-next —
 * with the item index as `keyfob code` reads, and without it (500 attribute lookups, as on a first
 * run) — and keytar item by item. Reports medians of the process's wall time (spawn to exit), its
 * CPU time (process.cpuUsage), and the read's own wall and CPU time after the code has loaded.
 */
const ACCOUNTS = 500;
const ROUNDS = 9;
const home = mkdtempSync(join(tmpdir(), 'keyfob-bench-client-'));
const indexFile = join(home, INDEX_FILE);
const service = `Keyfob-bench-client-${process.pid}`;
// Run from the repository root (bench/run.mjs does): the sample bundles live in out/bench/.
const sample = (name: string) => resolve(process.cwd(), `out/bench/secret-service-read/${name}.js`);

interface Way {
  metric: string;
  args: string[];
  index: boolean;
}
const WAYS: Way[] = [
  { metric: 'built_in_with_index', args: [sample('built-in')], index: true },
  { metric: 'dbus_next_with_index', args: [sample('dbus-next')], index: true },
  { metric: 'built_in_no_index', args: [sample('built-in')], index: false },
  { metric: 'dbus_next_no_index', args: [sample('dbus-next')], index: false },
  { metric: 'keytar_per_item', args: [sample('keytar')], index: false },
];

interface Figures {
  wall: number[];
  cpu: number[];
  readWall: number[];
  readCpu: number[];
}

async function main(): Promise<void> {
  const store = keytarSecretStore(service);
  const expected = new Map<string, string>();
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = randomUUID();
    const secret = base32Encode(new Uint8Array(20).map((_, j) => (i * 31 + j * 7) & 0xff));
    await store.set(id, secret);
    expected.set(id, secret);
  }
  // Build the item index as the app and the CLI do: the first read makes its key, the second writes it.
  const build = { indexFile, store: (id: string, secret: string) => store.set(id, secret) };
  await readSecretServiceItems(service, build);
  await readSecretServiceItems(service, build);
  let lookups = -1;
  await readSecretServiceItems(service, { indexFile, onLookups: (n) => (lookups = n) });
  if (lookups !== 1) throw new Error(`the item index is not in use (${lookups} lookups)`);

  const env = {
    ...process.env,
    KEYFOB_BENCH_SERVICE: service,
    KEYFOB_BENCH_IDS: JSON.stringify([...expected.keys()]),
  };
  const digest = digestOf(expected);
  const run = (way: Way): { wallMs: number; report: SampleReport } => {
    const t0 = performance.now();
    const out = spawnSync(process.execPath, way.args, {
      env: { ...env, KEYFOB_BENCH_INDEX: way.index ? indexFile : '' },
      encoding: 'utf8',
    });
    const wallMs = performance.now() - t0;
    const report = JSON.parse(out.stdout || '{}') as SampleReport;
    if (out.status !== 0 || report.items !== ACCOUNTS || report.digest !== digest)
      throw new Error(`${way.metric}: read ${report.items} secrets (status ${out.status}): ${out.stderr}`);
    return { wallMs, report };
  };

  const figures = new Map<string, Figures>(
    WAYS.map((w) => [w.metric, { wall: [], cpu: [], readWall: [], readCpu: [] }]),
  );
  const nodeAlone: number[] = [];
  for (const way of WAYS) run(way); // warm the page cache; not counted
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, starting one further each round, so a busy moment on the machine hits every way.
    for (let k = 0; k < WAYS.length; k++) {
      const way = WAYS[(round + k) % WAYS.length] as Way;
      const { wallMs, report } = run(way);
      const f = figures.get(way.metric) as Figures;
      f.wall.push(wallMs);
      f.cpu.push(report.cpuMs);
      f.readWall.push(report.doneMs - report.loadedMs);
      f.readCpu.push(report.readCpuMs);
    }
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    nodeAlone.push(performance.now() - t0);
  }

  const prefix = `secret_service_read_${ACCOUNTS}_cold_process`;
  emit(`${prefix}.node_alone_wall_ms_median`, median(nodeAlone), 'ms');
  for (const [metric, f] of figures) {
    emit(`${prefix}.${metric}.wall_ms_median`, median(f.wall), 'ms');
    emit(`${prefix}.${metric}.cpu_ms_median`, median(f.cpu), 'ms');
    emit(`${prefix}.${metric}.read_wall_ms_median`, median(f.readWall), 'ms');
    emit(`${prefix}.${metric}.read_cpu_ms_median`, median(f.readCpu), 'ms');
  }
  // The built-in client is kept only while the library is clearly slower end to end.
  const wall = (metric: string) => median(figures.get(metric)?.wall ?? []);
  for (const index of ['with_index', 'no_index']) {
    const ratio = Math.round((wall(`dbus_next_${index}`) / wall(`built_in_${index}`)) * 100) / 100;
    emit(`${prefix}.dbus_next_over_built_in_wall_${index}`, ratio, '×', {
      target: '>= 1.5',
      ok: ratio >= 1.5,
    });
  }
  emit(`${prefix}.load_average_1min`, Math.round((loadavg()[0] ?? 0) * 100) / 100, 'load');

  for (const id of [...expected.keys(), INDEX_KEY_ID]) await store.delete(id);
  rmSync(home, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
