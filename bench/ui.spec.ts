import { expect, test, type Page } from '@playwright/test';
import { base32Encode } from '../electron/core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp, type SeedAccount } from '../e2e/harness';
import { fakeCameraArgs, openScan, writeQrClip } from '../e2e/scan-helpers';
import { defined } from '../test-support/defined';

// UI benchmark: with 200 accounts, renderer CPU while idle with the bars animating
// ≤ 2 % of one core, hidden to the tray no script at all (≤ 0.1 %), and the list painted ≤ 500 ms
// after navigation; filtering 2000 accounts
// ≤ 16 ms per keystroke. Prints one JSON line per figure (target, ok); fails when a target is missed.
// The 200-account run uses the real keyring like the app; the 2000-account run seeds an in-memory
// secret store (launchApp's benchmark-only `secrets: 'memory'`), because seeding 2000 keyring items
// takes minutes and the renderer's filtering never touches the keychain.

const SERVICES = [
  'GitHub',
  'Google',
  'Microsoft',
  'Amazon Web Services',
  'Dropbox',
  'Société Générale',
  'Crédit Agricole',
  'Proton',
  'Fastmail',
  'Bitwarden',
  'Cloudflare',
  'DigitalOcean',
  'GitLab',
  'Slack',
  'Zoom',
  'Atlassian',
  'Stripe',
  'PayPal',
  'Coinbase',
  'Kraken',
  'Discord',
  'Twitch',
  'Steam',
  'Epic Games',
  'Nintendo',
  'Mozilla',
  'Tutanota',
  'Hetzner',
  'OVH',
  'Scaleway',
  'Namecheap',
  'Gandi',
  'npm',
  'PyPI',
  'Docker Hub',
  'Vercel',
  'Netlify',
  'Figma',
  'Notion',
  'Zoho',
  'Mastodon',
  'Reddit',
  'LinkedIn',
  'Backblaze',
];
const PEOPLE = ['alice', 'bob', 'chloé', 'dmitri', 'émile', 'fatima', 'günter', 'hana', 'inès', 'joão'];

/** `n` distinct, realistic accounts: mostly TOTP 30 s, some 60 s, Steam and HOTP rows. */
function accounts(n: number): SeedAccount[] {
  return Array.from({ length: n }, (_, i) => {
    const issuer = defined(SERVICES[i % SERVICES.length]);
    const secret = base32Encode(Uint8Array.from({ length: 20 }, (_, k) => (i * 31 + k * 7 + 13) & 0xff));
    const account = `${PEOPLE[(i * 7) % PEOPLE.length]}.${i}@example.com`;
    if (issuer === 'Steam') return { issuer, account, secret, type: 'steam' };
    if (i % 17 === 0) return { issuer, account, secret, type: 'hotp', counter: String(i) };
    return { issuer, account, secret, period: i % 9 === 0 ? '60' : '30' };
  });
}

/** Prints one figure as a JSON line; with a `limit`, its target (≤ limit) and whether it is met. */
function report(metric: string, value: number, unit: string, limit?: number, note?: string): void {
  const rounded = Math.round(value * 100) / 100;
  const target = limit === undefined ? (note ?? 'informational') : `<= ${limit}`;
  const ok = limit === undefined ? undefined : value <= limit;
  console.log(JSON.stringify({ metric, value: rounded, unit, target, ok }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function codesShown(page: Page): Promise<void> {
  await expect(page.locator('[data-type="totp"] [data-testid="code"]').first()).toHaveText(/\d{3} \d{3}/, {
    timeout: 60_000,
  });
}

/** Milliseconds since navigation start at which the app marked `name` (waits for it). */
async function markTime(page: Page, name: string): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 60_000 });
  return page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN, name);
}

let app: LaunchedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('200 accounts: list paint time, and idle CPU shown (bars animating) and hidden to the tray', async () => {
  app = await launchApp({ accounts: accounts(200), viewport: { width: 480, height: 720 } });
  const { page } = app;
  await codesShown(page);

  const list: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    list.push(await markTime(page, 'keyfob:list-painted'));
    codes.push(await markTime(page, 'keyfob:codes-painted'));
  }
  report('list_painted_200', median(list), 'ms', 500);
  report('codes_painted_200', median(codes), 'ms');

  // Idle: nothing touched; only the CSS bars, the per-second ticker and the boundary refresh run.
  await codesShown(page);
  await page.waitForTimeout(2_000);
  const shown = await idleCpu(app, 10_000);
  report('idle_renderer_main_thread_cpu_200', shown.mainThread, '% of one core', 2);
  report('idle_renderer_script_cpu_200', shown.script, '% of one core');
  report(
    'idle_renderer_process_cpu_200',
    shown.renderer,
    '% of one core',
    undefined,
    'informational (all renderer threads)',
  );
  report('idle_gpu_process_cpu_200', shown.gpu, '% of one core');

  // Hidden to the tray: the page is told it is hidden, as Electron tells it (headless Chromium has
  // no window to hide, so its compositor still draws the CSS bars); no timer of Keyfob's may run.
  app.desktop.window.hide();
  await app.desktop.window.settled();
  await page.waitForTimeout(2_000);
  const hidden = await idleCpu(app, 10_000);
  report('hidden_idle_renderer_script_cpu_200', hidden.script, '% of one core', 0.1);
  report('hidden_idle_renderer_main_thread_cpu_200', hidden.mainThread, '% of one core', 0.5);
  report(
    'hidden_idle_renderer_process_cpu_200',
    hidden.renderer,
    '% of one core',
    undefined,
    'informational (includes the compositor drawing the bars headless)',
  );

  expect.soft(median(list), 'list painted (ms)').toBeLessThanOrEqual(500);
  expect.soft(shown.mainThread, 'idle renderer CPU (%)').toBeLessThanOrEqual(2);
  expect.soft(hidden.script, 'hidden: script CPU (%)').toBeLessThanOrEqual(0.1);
  expect.soft(hidden.mainThread, 'hidden: renderer main thread CPU (%)').toBeLessThanOrEqual(0.5);
});

/** CPU in % of one core over `windowMs` of doing nothing: the page's main thread, its scripts, the renderer and GPU processes. */
async function idleCpu(app: LaunchedApp, windowMs: number) {
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  const browserCdp = await app.browser.newBrowserCDPSession();
  const metrics = async () => {
    const { metrics: m } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => m.find((x) => x.name === name)?.value ?? 0;
    const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: Array<{ type: string; cpuTime: number }>;
    };
    const cpu = (type: string) =>
      processInfo.filter((p) => p.type === type).reduce((sum, p) => sum + p.cpuTime, 0);
    return {
      task: get('TaskDuration'),
      script: get('ScriptDuration'),
      renderer: cpu('renderer'),
      gpu: cpu('GPU'),
      at: Date.now(),
    };
  };
  const a = await metrics();
  await app.page.waitForTimeout(windowMs);
  const b = await metrics();
  await cdp.detach();
  await browserCdp.detach();
  const wall = (b.at - a.at) / 1000;
  const percent = (key: 'task' | 'script' | 'renderer' | 'gpu') => ((b[key] - a[key]) / wall) * 100;
  return {
    mainThread: percent('task'),
    script: percent('script'),
    renderer: percent('renderer'),
    gpu: percent('gpu'),
  };
}

test('2000 accounts: filtering per keystroke', async () => {
  app = await launchApp({
    accounts: accounts(2000),
    viewport: { width: 480, height: 720 },
    secrets: 'memory',
  });
  const { page } = app;
  await codesShown(page);
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await search.focus();

  const commit: number[] = [];
  const paint: number[] = [];
  const showAll: number[] = []; // the keystrokes that empty the query and bring back all 2000 rows
  // Narrowing, widening (Backspace brings rows back), accents and a query that matches nothing.
  const keys = [
    ...'github',
    ...Array(6).fill('Backspace'),
    ...'emile',
    ...Array(5).fill('Backspace'),
    ...'zzz',
    'Escape',
  ];
  let typed = '';
  for (const key of keys) {
    typed = key === 'Escape' ? '' : key === 'Backspace' ? typed.slice(0, -1) : typed + key;
    await page.evaluate(() => {
      performance.clearMeasures('keyfob:filter');
      performance.clearMeasures('keyfob:filter-paint');
    });
    await page.keyboard.press(key);
    await page.waitForFunction(() => performance.getEntriesByName('keyfob:filter-paint').length > 0);
    // A measure that is missing shows as NaN in the figures rather than stopping the run.
    const [c, p] = await page.evaluate(() =>
      ['keyfob:filter', 'keyfob:filter-paint'].map(
        (n) => performance.getEntriesByName(n)[0]?.duration ?? Number.NaN,
      ),
    );
    commit.push(c ?? Number.NaN);
    paint.push(p ?? Number.NaN);
    if (typed === '') showAll.push(c ?? Number.NaN);
  }
  await expect(search).toHaveValue('');
  // Per keystroke, to tell a slow kind of keystroke from a one-off (first use, a busy machine).
  const each = commit.map((ms) => Math.round(ms * 10) / 10);
  console.log(JSON.stringify({ metric: 'filter_2000_input_to_commit_each', keys, values: each, unit: 'ms' }));
  report('filter_2000_input_to_commit_max', Math.max(...commit), 'ms', 16);
  report('filter_2000_input_to_commit_p50', median(commit), 'ms');
  report('filter_2000_show_all_input_to_commit_max', Math.max(...showAll), 'ms', 16);
  report('filter_2000_input_to_next_frame_p50', median(paint), 'ms');
  report('filter_2000_input_to_next_frame_p95', percentile(paint, 0.95), 'ms');
  expect.soft(Math.max(...commit), 'filter input → commit (ms)').toBeLessThanOrEqual(16);
});

/**
 * Gaps between back-to-back MessageChannel tasks on the page's UI thread for `ms`: any gap is a
 * task (ours or Chromium's) that held the thread that long.
 */
function uiThreadGaps(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const channel = new MessageChannel();
        const found: number[] = [];
        const end = performance.now() + duration;
        let last = performance.now();
        channel.port1.onmessage = () => {
          const now = performance.now();
          found.push(now - last);
          last = now;
          if (now < end) channel.port2.postMessage(0);
          else resolve(found);
        };
        channel.port2.postMessage(0);
      }),
    ms,
  );
}

test('webcam scanning: the UI thread is never blocked while frames are decoded', async () => {
  // A fake camera showing a QR with a web link: every frame is grabbed and decoded in the worker
  // (the dialog keeps scanning, as nothing can be added), which is the steady state while a user
  // holds a code up. What the UI thread does per frame: grab an ImageBitmap and post it.
  const dir = await mkdtemp(join(tmpdir(), 'keyfob-bench-cam-'));
  try {
    const clip = join(dir, 'link.y4m');
    await writeQrClip(clip, 'https://example.com/not-a-key');
    app = await launchApp({
      chromiumArgs: fakeCameraArgs(clip),
    });
    const { page } = app;
    const dialog = await openScan(page);
    // The same measure with the dialog open and the camera off: what the page does anyway.
    const idle = [...(await uiThreadGaps(page, 3000))].sort((a, b) => b - a);
    report('scan_dialog_idle_ui_thread_longest_block', idle[0] ?? NaN, 'ms');
    await dialog.getByRole('button', { name: 'Webcam' }).click();
    await expect(dialog.getByRole('status')).toContainText('holds a link', { timeout: 20_000 });
    // Longest stretch the UI thread could not answer while frames are grabbed and decoded.
    const gaps = await uiThreadGaps(page, 5000);
    const sorted = [...gaps].sort((a, b) => b - a);
    report('webcam_scan_ui_thread_longest_block', sorted[0] ?? NaN, 'ms', 16);
    report('webcam_scan_ui_thread_block_p999', percentile(gaps, 0.999), 'ms');
    console.log(
      JSON.stringify({
        metric: 'webcam_scan_ui_thread_longest_5',
        values: sorted.slice(0, 5).map((g) => Math.round(g * 10) / 10),
        samples: gaps.length,
        unit: 'ms',
      }),
    );
    expect.soft(sorted[0] ?? Infinity, 'longest UI-thread block while scanning (ms)').toBeLessThanOrEqual(16);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
