import { getRawHeader } from '@electron/asar';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Arch, Platform, build } from 'electron-builder';
import electronPackage from 'electron/package.json';
import { readFuses, writeStandInElectron } from '../test-support/packaging/stand-in-electron';
import { defined } from '../test-support/defined';

// `electron-builder --dir` for linux-x64, with the real electron-builder.yml, against a stand-in
// Electron folder (electronDist), so it runs offline: the packed app.asar must hold exactly what
// runs, and the fuses must be flipped in the app binary. The stand-in is a linux-x64 folder, so
// this runs on Linux hosts; macOS and Windows installers are built for real by the release workflow.
const ON_LINUX = process.platform === 'linux';
const ROOT = join(__dirname, '..');
let scratch: string | undefined;
let appDir: string;
/** Every file in app.asar, as '/path' → whether it sits unpacked in app.asar.unpacked. */
const files = new Map<string, boolean>();

interface AsarNode {
  files?: Record<string, AsarNode>;
  unpacked?: boolean;
}

function walk(node: AsarNode, path: string): void {
  if (node.files === undefined) files.set(path, node.unpacked === true);
  else for (const [name, child] of Object.entries(node.files)) walk(child, `${path}/${name}`);
}

beforeAll(async () => {
  if (!ON_LINUX) return;
  if (!existsSync(join(ROOT, 'out/main/index.js')))
    throw new Error('No built app in out/; run `npm run build` first.');
  const dir = await mkdtemp(join(tmpdir(), 'keyfob-package-'));
  scratch = dir;
  await writeStandInElectron(join(dir, 'electron'), electronPackage.version);
  const builder = join(ROOT, 'node_modules/electron-builder/cli.js');
  const args = ['--linux', 'dir', '--x64', '--publish', 'never'];
  args.push(`-c.electronDist=${join(dir, 'electron')}`, `-c.directories.output=${join(dir, 'dist')}`);
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [builder, ...args],
      { cwd: ROOT, timeout: 120_000 },
      (error, stdout, stderr) =>
        error === null ? resolve() : reject(new Error(`electron-builder failed:\n${stdout}\n${stderr}`)),
    );
  });
  appDir = join(dir, 'dist/linux-unpacked');
  walk(getRawHeader(join(appDir, 'resources/app.asar')).header as AsarNode, '');
}, 150_000);
afterAll(async () => {
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

/** Production packages per package-lock.json (what npm installs with --omit=dev). */
function runtimePackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev !== true)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
  );
}

/** Bare specifiers main's bundle loads at run time: require(), import() and require.resolve(). */
async function mainImports(): Promise<string[]> {
  const dir = join(ROOT, 'out/main');
  const sources = await readdir(dir, { recursive: true });
  const found = new Set<string>();
  for (const file of sources.filter((f) => f.endsWith('.js'))) {
    const code = await readFile(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:require|require\.resolve|import)\("([^"]+)"\)/g))
      found.add(defined(m[1]));
  }
  const builtin = new Set(builtinModules);
  return [...found].filter(
    (s) => !s.startsWith('.') && !s.startsWith('node:') && !builtin.has(s) && s !== 'electron',
  );
}

describe.runIf(ON_LINUX)('the packed app.asar', () => {
  it('holds the three bundles, the screen worker, the zxing and sql.js .wasm, the run-time assets and package.json', () => {
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/keyfob.js',
      // Main starts its screen-decoding threads from this file, beside index.js.
      '/out/main/qr-screen-worker.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/assets/icon.png',
      '/assets/iconTemplate.png',
      '/assets/iconTemplate@2x.png',
      '/assets/tray-light.png',
      '/assets/tray-dark.png',
      '/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm',
      // Import formats: SQLite for app databases, Argon2id (its .wasm is inside the script), zip.
      '/node_modules/sql.js/dist/sql-wasm.wasm',
      '/node_modules/sql.js/dist/sql-wasm.js',
      '/node_modules/hash-wasm/dist/argon2.umd.min.js',
      '/node_modules/@zip.js/zip.js/index.js',
    ]) {
      expect(files.has(path), path).toBe(true);
    }
    expect(
      [...files.keys()].filter((p) => /^\/out\/renderer\/assets\/zxing_reader-.+\.wasm$/.test(p)),
    ).toHaveLength(1);
  });

  it('has nothing else from the repository at its top level', () => {
    const top = new Set([...files.keys()].map((p) => p.split('/')[1]));
    expect([...top].sort()).toEqual(['assets', 'node_modules', 'out', 'package.json']);
    expect([...files.keys()].filter((p) => p.startsWith('/assets/')).every((p) => p.endsWith('.png'))).toBe(
      true,
    );
  });

  it('has no source maps, TypeScript, C sources, docs, tests, fixtures or benchmarks', () => {
    const unwanted = [...files.keys()].filter(
      (p) =>
        /\.(map|ts|mts|cts|tsx|md|h|cc|cpp|gyp)$/.test(p) ||
        /\/(test|tests|__tests__|testdata|fixtures|bench|benchmarks?|e2e|coverage)\//.test(p) ||
        /\/(tsconfig[^/]*\.json|[^/]+\.config\.[cm]?js)$/.test(p),
    );
    expect(unwanted).toEqual([]);
  });

  it('has only production dependencies, without the development ones', () => {
    const runtime = runtimePackages();
    const packed = new Set(
      [...files.keys()]
        .map((p) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    expect([...packed].filter((name) => !runtime.has(name))).toEqual([]);
    for (const dev of ['react', 'electron', 'vite', 'typescript', 'vitest'])
      expect(packed.has(dev), dev).toBe(false);
  });

  it('contains every file main loads from node_modules', async () => {
    const imports = await mainImports();
    expect(imports).toEqual(
      expect.arrayContaining([
        'keytar',
        'zxing-wasm/reader',
        'sql.js',
        'sql.js/dist/sql-wasm.wasm',
        'hash-wasm/dist/argon2.umd.min.js',
        '@zip.js/zip.js',
      ]),
    );
    const missing = imports
      .map((spec) => `/${relative(ROOT, require.resolve(spec, { paths: [ROOT] })).replaceAll('\\', '/')}`)
      .filter((path) => !files.has(path));
    expect(missing).toEqual([]);
  });

  it("unpacks keytar's native module, for this platform only", () => {
    const keytar = [...files.entries()].filter(([p]) => p.startsWith('/node_modules/keytar/'));
    expect(keytar.filter(([p]) => p.endsWith('.node'))).toEqual([
      ['/node_modules/keytar/prebuilds/linux-x64/keytar.node', true],
    ]);
    expect(
      existsSync(
        join(appDir, 'resources/app.asar.unpacked/node_modules/keytar/prebuilds/linux-x64/keytar.node'),
      ),
    ).toBe(true);
    expect(keytar.map(([p]) => p).filter((p) => /\/(src|script)\/|binding\.gyp$/.test(p))).toEqual([]);
  });

  it('keeps every other native file unpacked', () => {
    const packedNative = [...files.entries()].filter(
      ([p, unpacked]) => /\.(node|so(\.\d+)*|dll|dylib)$/.test(p) && !unpacked,
    );
    expect(packedNative).toEqual([]);
  });
});

describe.runIf(ON_LINUX)('the packaged binary', () => {
  it('has the fuses flipped', async () => {
    expect(readFuses(await readFile(join(appDir, 'keyfob-desktop')))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('ships the keyfob launcher next to it', () => {
    expect(existsSync(join(appDir, 'bin/keyfob'))).toBe(true);
  });
});

describe.runIf(ON_LINUX)('the deb', () => {
  // electron-builder hands fpm's arguments and the desktop entry to this hook right before it
  // would run fpm (which needs Ruby and a download); returning true stops there.
  let fpmArgs: string[] = [];
  let desktopEntry = '';
  beforeAll(async () => {
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget(['deb'], Arch.x64),
      prepackaged: appDir,
      publish: 'never',
      // A deb needs a project URL; a clone of the repository gets it from its git remote.
      config: {
        directories: { output: join(appDir, '..', '..', 'deb') },
        extraMetadata: { homepage: 'https://keyfob.test/' },
      },
      effectiveOptionComputed: async ([args, desktopFile]: [string[], string]) => {
        fpmArgs = args;
        desktopEntry = await readFile(desktopFile, 'utf8');
        return true;
      },
    });
  }, 60_000);

  it('installs the app in /opt/Keyfob and the keyfob launcher as /usr/bin/keyfob', () => {
    expect(fpmArgs).toContain(`${appDir}/=/opt/Keyfob`);
    expect(fpmArgs).toContain('build/linux/keyfob=/usr/bin/keyfob');
    expect(fpmArgs).toContain(
      `${join(ROOT, 'build/icons/512x512.png')}=/usr/share/icons/hicolor/512x512/apps/keyfob-desktop.png`,
    );
  });

  it('has a desktop entry that opens otpauth links, with -- before them', () => {
    const fields = Object.fromEntries(
      desktopEntry
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(fields).toMatchObject({
      Name: 'Keyfob',
      Exec: '/opt/Keyfob/keyfob-desktop -- %U',
      Icon: 'keyfob-desktop',
      Categories: 'Utility;',
      MimeType: 'x-scheme-handler/otpauth;x-scheme-handler/otpauth-migration;',
      StartupWMClass: 'keyfob',
    });
    expect(fpmArgs.some((arg) => arg.endsWith('=/usr/share/applications/keyfob.desktop'))).toBe(true);
  });
});
