import { homedir } from 'node:os';
import { clockSentence } from '../../shared/clock-offset';
import { normaliseServer, parseServerAddress } from '../../shared/clock-server';
import { KeyfobError } from '../../shared/errors';
import type { Settings } from '../../shared/ipc/shapes';
import { askTimeServer, SNTP_TIMEOUT_MS, type SntpResult } from '../clock/sntp-client';
import { settingsStore } from '../services/settings-store';
import { resolveVaultLocation } from '../vault';
import { atMs } from './command';
import type { Io } from './io';

/** The app's settings, read from the vault home the CLI uses (defaults when there are none). */
export function appSettings(io: Io): Promise<Settings> {
  const { home } = resolveVaultLocation(io.env, process.platform, homedir());
  return settingsStore(home).get();
}

/** `--server` / `--clock-server` as `HOST[:PORT]` written one way; an 'invalid-input' error when it is not one. */
export function serverOption(value: unknown, option: string): string | null {
  if (value === undefined) return null;
  const server = normaliseServer(String(value));
  if (server === null)
    throw new KeyfobError(
      'invalid-input',
      `${option} takes HOST[:PORT] (e.g. time.cloudflare.com), not '${String(value)}'`,
    );
  return server;
}

/** What a failed question to `server` says, in one line. */
export function noTimeMessage(server: string, result: Exclude<SntpResult, { kind: 'measured' }>): string {
  if (result.kind === 'kiss')
    return result.code === 'RATE'
      ? `${server} asks to be asked less often (Kiss-o'-Death RATE); try again later`
      : `${server} refused to answer (Kiss-o'-Death ${result.code}); choose another time server`;
  const seconds = SNTP_TIMEOUT_MS / 1000;
  const why = result.why.startsWith('no answer within') ? '' : ` (${result.why})`;
  return `no valid answer from ${server} within ${seconds} s${why}`;
}

/** Asks `server` (already normalised) once, with this process's clock. */
export function askServer(server: string, io: Io): Promise<SntpResult> {
  const address = parseServerAddress(server);
  if (address === null) throw new KeyfobError('invalid-input', `'${server}' is not HOST[:PORT]`);
  return askTimeServer(address, { now: io.now });
}

/** A measured offset as a sentence: "This computer's clock is 2 min 14 s slow". */
export function offsetSentence(offsetMs: number): string {
  return clockSentence(offsetMs, "This computer's");
}

/**
 * The instant `keyfob code` computes codes at: `--at` when given; else this clock corrected by
 * `--clock-server` (no valid answer: an error), or by the app's "Use corrected time" setting (no
 * valid answer: this clock, and a one-line note on stderr); else this clock.
 */
export async function codeInstant(values: Record<string, unknown>, io: Io): Promise<number> {
  const asked = serverOption(values['clock-server'], '--clock-server');
  if (values['at'] !== undefined) {
    if (asked !== null)
      throw new KeyfobError('invalid-input', 'give either --at or --clock-server, not both');
    return atMs(values, io);
  }
  const settings = asked === null ? await appSettings(io) : null;
  const server = asked ?? (settings?.useCorrectedTime === true ? settings.clockServer : null);
  if (server === null) return io.now();
  const result = await askServer(server, io);
  if (result.kind === 'measured') return io.now() + result.offsetMs;
  if (asked !== null) throw new KeyfobError('not-found', noTimeMessage(server, result));
  io.err(`keyfob: ${noTimeMessage(server, result)}; codes use this computer's clock`);
  return io.now();
}
