import { createHash } from 'node:crypto';

/** What one cold-process sample prints as its one line of stdout. */
export interface SampleReport {
  /** CPU time (user + system) of the whole process up to the end of the read. */
  cpuMs: number;
  /** CPU time of the read alone, after the process had started and loaded its code. */
  readCpuMs: number;
  /** When the read began and ended, in ms since the process started. */
  loadedMs: number;
  doneMs: number;
  /** How many secrets were read, and a digest of them (the parent checks both). */
  items: number;
  digest: string;
}

/** The benchmark's keychain service, vault index file (absent: no index) and account ids. */
export interface SampleEnv {
  service: string;
  indexFile: string | undefined;
  ids: string[];
}

/** The sample's settings, from the environment the parent benchmark sets. */
export function sampleEnv(): SampleEnv {
  return {
    service: process.env.KEYFOB_BENCH_SERVICE ?? '',
    indexFile: process.env.KEYFOB_BENCH_INDEX || undefined,
    ids: JSON.parse(process.env.KEYFOB_BENCH_IDS ?? '[]') as string[],
  };
}

/** id → secret as one hash, so the parent can check every way read the same secrets. */
export function digestOf(items: ReadonlyMap<string, string>): string {
  const lines = [...items].map(([id, secret]) => `${id}=${secret}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** Runs `read` once in this (fresh) process and prints its figures as a JSON line. */
export function runSample(read: (env: SampleEnv) => Promise<ReadonlyMap<string, string> | null>): void {
  const loadedMs = performance.now();
  const cpuBefore = process.cpuUsage();
  read(sampleEnv()).then(
    (items) => {
      const doneMs = performance.now();
      const cpu = process.cpuUsage();
      const readCpu = process.cpuUsage(cpuBefore);
      const report: SampleReport = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        readCpuMs: (readCpu.user + readCpu.system) / 1000,
        loadedMs,
        doneMs,
        items: items?.size ?? -1,
        digest: items === null ? '' : digestOf(items),
      };
      console.log(JSON.stringify(report));
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
