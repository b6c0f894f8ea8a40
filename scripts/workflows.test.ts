import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defined } from '../test-support/defined';

// The GitHub Actions workflows cannot run here; this checks they parse and say what they must.
const ROOT = join(__dirname, '..');
interface Step {
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  steps: Step[];
  strategy?: { matrix: Record<string, unknown> };
  env?: object;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const load = (name: string): Workflow =>
  parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8'), { strict: true }) as Workflow;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};
const runs = (job: Job): string => job.steps.map((s) => s.run ?? '').join('\n');

describe('.github/workflows/test.yml', () => {
  const job = defined(load('test.yml').jobs['test']);

  it('runs on Linux, Windows and macOS with Node versions package.json "engines" admits', () => {
    expect(job.strategy?.matrix).toMatchObject({
      os: ['ubuntu-latest', 'windows-latest', 'macos-latest'],
      node: ['22'],
    });
    expect(job.strategy?.matrix['include']).toEqual([{ os: 'ubuntu-latest', node: '20.19' }]);
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(
      '${{ matrix.node }}',
    );
  });

  it('installs the real Electron and requires the Electron-only specs to run', () => {
    expect(job.env).toEqual({ KEYFOB_REQUIRE_ELECTRON: '1' });
    expect(runs(job)).toContain('npx install-electron --no');
    expect(runs(job)).toContain('npx playwright test e2e/electron-only.spec.ts');
  });

  it('lints, typechecks, and runs the README test command under xvfb-run on Linux', () => {
    expect(runs(job)).toMatch(/^npm run lint$/m);
    expect(runs(job)).toMatch(/^npm run typecheck$/m);
    expect(job.steps.find((s) => s.run === 'xvfb-run --auto-servernum npm test')?.if).toBe(
      "runner.os == 'Linux'",
    );
  });
});

describe('.github/workflows/release.yml', () => {
  const workflow = load('release.yml');

  it('runs on version tags', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('packages on each OS and attaches the installers to a release', () => {
    const pack = defined(workflow.jobs['package']);
    expect(pack.strategy?.matrix['os']).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(runs(pack)).toContain('npm run package -- --publish never');
    const release = defined(workflow.jobs['release']);
    expect(runs(release)).toMatch(/^gh release create "\$GITHUB_REF_NAME" installers\/\*/m);
  });
});

describe('both workflows', () => {
  it.each(['test.yml', 'release.yml'])('%s only calls npm scripts that exist', (name) => {
    const text = Object.values(load(name).jobs).map(runs).join('\n');
    const called = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => defined(m[1]));
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((script) => pkg.scripts[script] === undefined)).toEqual([]);
  });
});
