import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSntpServer, type FakeSntpServer } from '../../test-support/clock/fake-sntp-server';

// `keyfob clock` and corrected codes, run as the built binary against a real UDP time server on
// 127.0.0.1 (test-support/clock). `npm test` builds first.
const BIN = resolve(__dirname, '../../out/main/keyfob.js');
const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Site:me?secret=${SECRET}`;

let server: FakeSntpServer;
let home: string;

/** Runs keyfob without blocking the event loop (the fake server answers from this process). */
function keyfob(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, KEYFOB_HOME: home } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** oathtool's codes at `ms` and 3 s before it (a run may straddle a period's end). */
function oathtoolAround(ms: number): string[] {
  const at = (s: number) =>
    execFileSync('oathtool', ['-b', '--totp', `--now=@${s}`, SECRET], { encoding: 'utf8' }).trim();
  return [at(Math.floor(ms / 1000)), at(Math.floor(ms / 1000) - 3)];
}

/** An offset of about 10 minutes that puts the corrected time 15 s into a 30 s period now. */
function midPeriodOffset(): number {
  return 600_000 + 15_000 - ((Date.now() + 600_000) % 30_000);
}

const settings = (values: object) => writeFile(join(home, 'settings.json'), JSON.stringify(values));

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
  server = await startFakeSntpServer({ kind: 'silent' });
  home = await mkdtemp(join(tmpdir(), 'keyfob-clock-'));
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

describe('keyfob clock', () => {
  it('prints the offset and the round trip as JSON', async () => {
    server.answer({ kind: 'time', offsetMs: 134_000, delayMs: 40 });
    const r = await keyfob(['clock', '--server', server.address, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { server: string; offsetMs: number; delayMs: number };
    expect(Object.keys(json)).toEqual(['server', 'offsetMs', 'delayMs']);
    expect(json.server).toBe(server.address);
    expect(Math.abs(json.offsetMs - 134_000)).toBeLessThan(100);
    expect(json.delayMs).toBeGreaterThanOrEqual(39);
  });

  it('says it in words, and asks the server of the app settings without --server', async () => {
    await settings({ clockServer: server.address });
    server.answer({ kind: 'time', offsetMs: -134_000 });
    const r = await keyfob(['clock']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(
      new RegExp(
        `^This computer's clock is 2 min 14 s fast \\(offset -13[34]\\d{3} ms, round trip \\d+ ms, ${server.address}\\)$`,
      ),
    );
  });

  it.each([
    [{ kind: 'silent' } as const, 'within 3 s$'],
    [
      { kind: 'wrong', flaw: 'zero-transmit' } as const,
      'within 3 s \\(ignored a reply that has a zero transmit time\\)$',
    ],
    [
      { kind: 'kiss', code: 'DENY' } as const,
      "refused to answer \\(Kiss-o'-Death DENY\\); choose another time server$",
    ],
  ])('exits 1 with one line when no valid answer comes: %o', async (answer, tail) => {
    server.answer(answer);
    const r = await keyfob(['clock', '--server', server.address]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^keyfob: .*${tail}`));
  });

  it.each([['time.example:0'], ['ntp://time.example']])('refuses --server %s', async (bad) => {
    const r = await keyfob(['clock', '--server', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `keyfob: --server takes HOST[:PORT] (e.g. time.cloudflare.com), not '${bad}'`,
    );
  });
});

describe('keyfob code at the corrected time', () => {
  it('--clock-server computes the code at the server time, as oathtool does there', async () => {
    await settings({});
    const offset = midPeriodOffset();
    server.answer({ kind: 'time', offsetMs: offset });
    const r = await keyfob(['code', '--uri', URI, '--clock-server', server.address]);
    expect(r.status).toBe(0);
    expect(oathtoolAround(Date.now() + offset)).toContain(r.stdout.trim());
    expect(oathtoolAround(Date.now())).not.toContain(r.stdout.trim());
  });

  it('follows the app setting "Use corrected time" without a flag', async () => {
    const offset = midPeriodOffset();
    await settings({ clockServer: server.address, useCorrectedTime: true });
    server.answer({ kind: 'time', offsetMs: offset });
    const r = await keyfob(['code', '--uri', URI, '--json']);
    expect(r.status).toBe(0);
    const [row] = JSON.parse(r.stdout) as Array<{ code: string; validSeconds: number }>;
    expect(oathtoolAround(Date.now() + offset)).toContain(row?.code);
    expect(row?.validSeconds).toBeGreaterThan(5);
    expect(r.stderr).toBe('');
  });

  it('falls back to this clock with a note when the setting is on and the server is silent', async () => {
    await settings({ clockServer: server.address, useCorrectedTime: true });
    server.answer({ kind: 'silent' });
    const r = await keyfob(['code', '--uri', URI]);
    expect(r.status).toBe(0);
    expect(oathtoolAround(Date.now())).toContain(r.stdout.trim());
    expect(r.stderr.trim()).toBe(
      `keyfob: no valid answer from ${server.address} within 3 s; codes use this computer's clock`,
    );
  });

  it('fails with one line when --clock-server gets no valid answer', async () => {
    server.answer({ kind: 'wrong', flaw: 'client-mode' });
    const r = await keyfob(['code', '--uri', URI, '--clock-server', server.address]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(
      /^keyfob: no valid answer from .* \(ignored a reply that has mode 3, not a server reply \(4\)\)$/,
    );
  });

  it('refuses --at together with --clock-server', async () => {
    const r = await keyfob(['code', '--uri', URI, '--at', '1700000000', '--clock-server', server.address]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('keyfob: give either --at or --clock-server, not both');
  });
});
