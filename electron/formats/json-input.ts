import { KeyfobError } from '../../shared/errors';
import { textOf } from './format';

/** A plain JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * JSON.parse, but HOTP counters above 2^53 survive: a `"counter": <digits>` literal of 16 or more
 * digits becomes a string before parsing (Node 20's JSON.parse has no access to the source text, and
 * Aegis, andOTP, 2FAS and FreeOTP write counters as JSON numbers up to 2^63−1). Returns undefined
 * when the text is not JSON.
 */
export function parseJsonText(text: string): unknown {
  const safe = text.replace(/("counter"\s*:\s*)(\d{16,})(?=\s*[,}\]])/gu, '$1"$2"');
  try {
    return JSON.parse(safe) as unknown;
  } catch {
    return undefined;
  }
}

const parsed = new WeakMap<Uint8Array, Map<string, unknown>>();
let sharing = 0;

/**
 * `parse(bytes)`, shared under `kind` inside {@link shareParsed}: detection asks every format, and
 * a 15 MB backup parsed seven times (as JSON, as Android XML…) would take seconds.
 */
export function parseShared<T>(bytes: Uint8Array, kind: string, parse: (bytes: Uint8Array) => T): T {
  const cache = parsed.get(bytes);
  if (cache?.has(kind) === true) return cache.get(kind) as T;
  const value = parse(bytes);
  if (sharing > 0) {
    if (cache === undefined) parsed.set(bytes, new Map([[kind, value]]));
    else cache.set(kind, value);
  }
  return value;
}

/** The file's bytes as JSON ({@link parseJsonText} of the UTF-8 text), parsed once per file. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  return parseShared(bytes, 'json', (b) => parseJsonText(textOf(b)));
}

/**
 * Runs `fn` (sync or async) with parses of `bytes` shared between formats, which treat the parsed
 * value as read-only; forgets them when `fn` is done.
 */
export function shareParsed<T>(bytes: Uint8Array, fn: () => T): T {
  sharing++;
  const done = () => {
    sharing--;
    parsed.delete(bytes);
  };
  let result: T;
  try {
    result = fn();
  } catch (e) {
    done();
    throw e;
  }
  if (result instanceof Promise) return result.finally(done) as T;
  done();
  return result;
}

/** Serialises like JSON.stringify but writes bigint values as bare JSON numbers (exact digits). */
export function stringifyWithBigints(value: unknown, indent?: number): string {
  const marks: string[] = [];
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v !== 'bigint') return v;
      marks.push(v.toString());
      return `\u0000big${marks.length - 1}\u0000`;
    },
    indent,
  );
  return text.replace(/"\\u0000big(\d+)\\u0000"/gu, (_m, i: string) => marks[Number(i)] ?? '0');
}

/** Field readers for one entry of a foreign file; errors name the field, never its value. */
export function fields(obj: JsonObject, where = 'entry') {
  const fail = (key: string, what: string): KeyfobError =>
    new KeyfobError('invalid-input', `The ${where} has no ${what} "${key}".`, key);
  return {
    str(key: string): string {
      const v = obj[key];
      if (typeof v !== 'string') throw fail(key, 'text');
      return v;
    },
    optStr(key: string, fallback = ''): string {
      const v = obj[key];
      return typeof v === 'string' ? v : fallback;
    },
    int(key: string, fallback?: number): number {
      const v = obj[key];
      if (v === undefined || v === null) {
        if (fallback !== undefined) return fallback;
        throw fail(key, 'number');
      }
      if (typeof v !== 'number' || !Number.isInteger(v)) throw fail(key, 'whole number');
      return v;
    },
    /** A counter as bigint: JSON number, or a digit string (what {@link parseJsonText} makes of big ones). */
    counter(key: string, fallback?: bigint): bigint {
      const v = obj[key];
      if ((v === undefined || v === null) && fallback !== undefined) return fallback;
      if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
      if (typeof v === 'string' && /^-?\d+$/u.test(v)) return BigInt(v);
      throw fail(key, 'whole number');
    },
    obj(key: string): JsonObject {
      const v = obj[key];
      if (!isObject(v)) throw fail(key, 'object');
      return v;
    },
  };
}
