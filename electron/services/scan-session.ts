import { KeyfobError } from '../../shared/errors';
import type { ScanPreview, ScanStep } from '../../shared/ipc/shapes';
import type { Token } from '../../shared/otp-types';
import { MigrationCollector } from '../formats/google-migration/collector';
import { showSource, type ImportResult } from '../formats/format';
import { MAX_LISTED } from '../formats/import-limits';
import { classifyQrText } from '../qr/classify';
import type { Timers } from './clipboard-clear';
import { SeedHold, unrefTimers } from './seed-hold';

/** The tokens (with seeds) a scan yielded, and what could not be read. */
export interface ScannedTokens {
  tokens: Token[];
  problems: string[];
}

/** What is waiting for the user's confirmation, with the preview the user was shown. */
export interface PendingScan extends ScannedTokens {
  preview: ScanPreview;
}

const FORGOTTEN =
  'The scanned code was forgotten after 5 minutes, so that its key does not stay in memory. Scan it again.';

/**
 * The main-process side of one Scan dialog: scanned texts arrive here once (from the renderer's
 * decoder or from main's own screen capture), a Google transfer is collected here across codes, and
 * the tokens wait here for the user's decisions. The renderer only ever sees previews. Seeds are
 * held at most 5 minutes from the scan that brought the oldest of them (see seed-hold.ts).
 */
export class ScanSession {
  private collector = new MigrationCollector();
  private pending: PendingScan | null = null;
  private forgotten = false;
  private readonly hold: SeedHold;

  constructor(now: () => number = Date.now, timers: Timers = unrefTimers) {
    this.hold = new SeedHold(now, timers, () => {
      this.clear();
      this.forgotten = true;
    });
  }

  /** True while seeds are held: a pending preview or part of a transfer. */
  get holding(): boolean {
    return this.pending !== null || this.collector.scanned > 0;
  }

  /**
   * Takes one scanned text. A key replaces whatever was pending; a transfer code joins the export
   * being collected and yields the accounts once every code is in.
   * @param describe turns pending tokens into the preview the user confirms
   */
  async take(text: string, describe: (s: ScannedTokens) => Promise<ScanPreview>): Promise<ScanStep> {
    this.hold.check();
    this.forgotten = false;
    const payload = classifyQrText(text);
    if (payload.kind === 'otpauth') {
      // The new key replaces the pending one; the clock restarts unless transfer codes are still held.
      const step = await this.keep({ tokens: [payload.token], problems: [] }, describe);
      if (this.collector.scanned === 0) this.hold.arm();
      return step;
    }
    if (payload.kind !== 'migration') {
      return { kind: 'other', message: `${payload.message} Nothing was added.` };
    }
    const wasHolding = this.holding;
    const step = this.collector.add(payload.code);
    if (!wasHolding && this.holding) this.hold.arm();
    const progress = {
      status: step.status,
      message: step.message,
      scanned: step.scanned,
      total: step.total,
      complete: step.complete,
    };
    if (!step.complete || step.status !== 'added') return { kind: 'transfer', progress };
    const result = this.collector.result();
    this.collector = new MigrationCollector();
    if (result.entries.length === 0) {
      return { kind: 'transfer', progress: { ...progress, message: 'This export holds no accounts.' } };
    }
    const scanned = { tokens: result.entries.map((e) => e.token), problems: someProblems(result.errors) };
    return this.keep(scanned, describe);
  }

  private async keep(
    scanned: ScannedTokens,
    describe: (s: ScannedTokens) => Promise<ScanPreview>,
  ): Promise<ScanStep> {
    const preview = await describe(scanned);
    this.pending = { ...scanned, preview };
    return { kind: 'preview', preview };
  }

  /** The tokens waiting for confirmation, or null (also once they were held too long). */
  get waiting(): PendingScan | null {
    this.hold.check();
    return this.pending;
  }

  /** Hands over the pending tokens for saving, once. */
  takePending(): PendingScan {
    this.hold.check();
    const p = this.pending;
    if (p === null)
      throw new KeyfobError(
        'invalid-input',
        this.forgotten ? FORGOTTEN : 'There is nothing scanned to save. Scan the code again.',
      );
    this.pending = null;
    if (!this.holding) this.hold.disarm();
    return p;
  }

  /** Forgets everything held (the dialog closed or went back). */
  reset(): void {
    this.clear();
    this.forgotten = false;
  }

  private clear(): void {
    this.hold.disarm();
    this.pending = null;
    this.collector = new MigrationCollector();
  }
}

/** The first {@link MAX_LISTED} problems as lines, then one saying how many more there are. */
function someProblems(errors: ImportResult['errors']): string[] {
  const lines = errors.slice(0, MAX_LISTED).map((e) => `${showSource(e.source)}: ${e.message}`);
  const more = errors.length - lines.length;
  return more > 0 ? [...lines, `…and ${more} more accounts that cannot be imported.`] : lines;
}
