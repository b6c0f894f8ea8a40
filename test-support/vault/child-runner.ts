import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

let bundled: Promise<string> | undefined;

/** Bundles vault-child.ts once per test run (esbuild; keytar stays external). */
export function childScript(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyfob-child-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'vault-child.cjs');
    await build({
      entryPoints: [join(__dirname, 'vault-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      // The native addon stays outside the bundle, imported by absolute path (Node's ESM
      // resolver ignores NODE_PATH, and the bundle lives in a temp folder).
      plugins: [
        {
          name: 'keytar-external',
          setup(b) {
            b.onResolve({ filter: /^keytar$/ }, () => ({ path: require.resolve('keytar'), external: true }));
          },
        },
      ],
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundled;
}

/** Starts the child with the vault at `home` and keychain service `service`. */
export async function spawnChild(
  args: string[],
  home: string,
  service: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  return spawn(process.execPath, [await childScript(), ...args], {
    env: {
      ...process.env,
      KEYFOB_HOME: home,
      KEYFOB_KEYCHAIN_SERVICE: service,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the child to the end and collects its output. */
export async function runChild(
  args: string[],
  home: string,
  service: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = await spawnChild(args, home, service, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  return { code, stdout, stderr };
}
