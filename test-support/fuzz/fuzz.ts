import { appendFile } from 'node:fs/promises';
import fc from 'fast-check';
import { KeyfobError } from '../../shared/errors';

// Property-based fuzzing with fast-check, shared by every *.fuzz.test.ts. In `npm test` each
// property runs a fixed number of inputs from a fixed seed (so a failure reproduces), within a
// time budget; `npm run fuzz` scales the count and varies the seed through the environment:
//   KEYFOB_FUZZ_SCALE  multiplies every property's input count (default 1)
//   KEYFOB_FUZZ_SEED   the seed (default FUZZ_SEED); printed with every failure
//   KEYFOB_FUZZ_LOG    a file that gets one "name<TAB>inputs" line per property run

/** The seed `npm test` uses. */
export const FUZZ_SEED = 20_260_302;

/** Longest message an input may ever produce: one line a person can read. */
export const MAX_MESSAGE = 400;

function env(name: string): string | undefined {
  return process.env[name];
}

const scale = Math.max(1, Number(env('KEYFOB_FUZZ_SCALE') ?? 1) || 1);
const seed = Number(env('KEYFOB_FUZZ_SEED') ?? FUZZ_SEED) | 0;

/** Vitest timeout for a fuzz test: its budget, plus room for a slow machine. */
export function fuzzTimeout(budgetMs: number): number {
  return budgetMs * (scale > 1 ? 1000 : 3);
}

/**
 * Runs `check` on `runs` inputs drawn from `arb` (× KEYFOB_FUZZ_SCALE), stopping early once
 * `budgetMs` (× scale) has passed; throws fast-check's report (seed, shrunk counterexample) when
 * an input fails. Returns how many inputs were tried.
 */
export async function fuzz<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  check: (value: T) => void | Promise<void>,
  runs: number,
  budgetMs = 3_000,
): Promise<number> {
  const details = await fc.check(
    fc.asyncProperty(arb, async (v) => {
      await check(v);
    }),
    {
      seed,
      numRuns: runs * scale,
      interruptAfterTimeLimit: budgetMs * scale,
      markInterruptAsFailure: false,
      endOnFailure: scale > 1,
    },
  );
  await record(name, details.numRuns);
  if (details.failed) throw new Error(`${name}: ${fc.defaultReportMessage(details) ?? 'failed'}`);
  return details.numRuns;
}

async function record(name: string, inputs: number): Promise<void> {
  const log = env('KEYFOB_FUZZ_LOG');
  if (log === undefined) return;
  await appendFile(log, `${name}\t${inputs}\n`);
}

/**
 * The one acceptable way for input to fail: a KeyfobError with a one-line message of at most
 * {@link MAX_MESSAGE} characters. Anything else (a TypeError, a RangeError, a stack) is a bug.
 */
export function assertTypedError(e: unknown): void {
  if (!(e instanceof KeyfobError)) {
    throw new Error(`not a KeyfobError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  assertMessage(e.message);
}

/** Throws unless `message` is one line of at most {@link MAX_MESSAGE} characters. */
export function assertMessage(message: string): void {
  if (message.includes('\n') || message.length > MAX_MESSAGE || message.trim() === '') {
    throw new Error(`message is not one short line (${message.length} chars): ${message.slice(0, 200)}`);
  }
}

/** Runs `fn`; a result goes to `onResult`, a failure must be a typed one-line error. */
export async function typedOutcome<T>(fn: () => T | Promise<T>, onResult: (r: T) => void = () => undefined) {
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    assertTypedError(e);
    return;
  }
  onResult(result);
}

/** Byte-level mutations of a file: flips, overwrites with edge values, inserts, deletions, cuts. */
export function mutatedBytes(base: Uint8Array, maxEdits = 4): fc.Arbitrary<Uint8Array> {
  const at = fc.nat({ max: Math.max(0, base.length) });
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at, bit: fc.nat({ max: 7 }) }),
    fc.record({
      kind: fc.constant('set' as const),
      at,
      value: fc.constantFrom(0x00, 0xff, 0x7f, 0x80, 0x30, 0x22, 0x7b, 0x5b, 0x2c, 0x3a),
    }),
    fc.record({ kind: fc.constant('insert' as const), at, bytes: fc.uint8Array({ maxLength: 16 }) }),
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('repeat' as const), at, length: fc.integer({ min: 1, max: 256 }) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: maxEdits }).map((edits) => {
    let b: Uint8Array = Uint8Array.from(base);
    for (const e of edits) {
      const i = Math.min(e.at, b.length);
      if (e.kind === 'flip' && i < b.length) b[i] = (b[i] ?? 0) ^ (1 << e.bit);
      else if (e.kind === 'set' && i < b.length) b[i] = e.value;
      else if (e.kind === 'insert') b = concat(b.subarray(0, i), e.bytes, b.subarray(i));
      else if (e.kind === 'delete') b = concat(b.subarray(0, i), b.subarray(i + e.length));
      else if (e.kind === 'truncate') b = b.slice(0, i);
      else if (e.kind === 'repeat') b = concat(b.subarray(0, i + e.length), b.subarray(i));
    }
    return b;
  });
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
