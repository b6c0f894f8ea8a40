import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { WRONG_ANSWERS } from '../test-support/secret-service/hostile-answers';
import { emit } from './figures';

/**
 * What the built-in D-Bus client buys besides speed: the Secret Service batch read against a fake
 * session bus giving each of the wrong answers the unit tests use (test-support/secret-service/hostile-answers.ts),
 * over the built-in client and over dbus-next, each in its own process. Counts how each client
 * ends: refused at once (the vault then reads through keytar), refused only at the read's timeout,
 * wrong answer accepted, process crashed (an exception the read could not catch), or still running
 * at three times the timeout (killed).
 */
const TIMEOUT_MS = 2000;
// Run from the repository root (bench/run.mjs does): the sample bundle lives in out/bench/.
const sample = resolve(process.cwd(), 'out/bench/secret-service-read/hostile.js');
const OUTCOMES = ['refused_at_once', 'refused_at_timeout', 'accepted', 'crashed', 'hung'] as const;
type Outcome = (typeof OUTCOMES)[number];

function outcome(index: number, client: string): Outcome {
  const r = spawnSync(process.execPath, [sample, String(index), client, String(TIMEOUT_MS)], {
    encoding: 'utf8',
    timeout: 3 * TIMEOUT_MS,
  });
  if (r.error !== undefined) return 'hung';
  const line = r.stdout.trim();
  if (r.status !== 0 || line === '') return 'crashed';
  const { items, ms } = JSON.parse(line) as { items: number | null; ms: number };
  if (items !== null) return 'accepted';
  return ms < TIMEOUT_MS / 2 ? 'refused_at_once' : 'refused_at_timeout';
}

const prefix = `secret_service_wrong_answers_${WRONG_ANSWERS.length}`;
for (const client of ['built-in', 'dbus-next']) {
  const counts = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  const notes: string[] = [];
  WRONG_ANSWERS.forEach((wrong, i) => {
    const o = outcome(i, client);
    counts.set(o, (counts.get(o) ?? 0) + 1);
    if (o !== 'refused_at_once') notes.push(`${wrong.name}: ${o}`);
  });
  const metric = `${prefix}.${client.replace('-', '_')}`;
  for (const [o, n] of counts) {
    const check = client === 'built-in' && o === 'refused_at_once';
    emit(
      `${metric}.${o}`,
      n,
      'answers',
      check ? { target: WRONG_ANSWERS.length, ok: n === WRONG_ANSWERS.length } : undefined,
    );
  }
  if (notes.length > 0) console.error(`${client}: ${notes.join('; ')}`);
}
