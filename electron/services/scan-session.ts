import { KeyfobError } from '../../shared/errors';
import type { ScanPreview, ScanStep } from '../../shared/ipc-contract';
import type { Token } from '../../shared/otp-types';
import { MigrationCollector } from '../import/migration-collector';
import { MAX_LISTED } from '../import/import-limits';
import { classifyQrText } from '../qr';

const MAX_TEXT_LENGTH = 16_384;

/** The scanned text as the renderer sent it: bounded text. */
export function scanTextArg(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT_LENGTH)
    throw new KeyfobError('invalid-input', 'The request was malformed: a scanned code is not text.');
  return value.trim();
}

/** The tokens (with seeds) a scan yielded, and what could not be read. */
export interface ScannedTokens {
  tokens: Token[];
  problems: string[];
}

/** What is waiting for the user's confirmation, with the preview the user was shown. */
export interface PendingScan extends ScannedTokens {
  preview: ScanPreview;
}

/**
 * The main-process side of one Scan dialog: scanned texts arrive here once (from the renderer's
 * decoder or from main's own screen capture), a Google transfer is collected here across codes, and
 * the tokens wait here for the user's decisions. The renderer only ever sees previews.
 */
export class ScanSession {
  private collector = new MigrationCollector();
  private pending: PendingScan | null = null;

  /**
   * Takes one scanned text. A key replaces whatever was pending; a transfer code joins the export
   * being collected and yields the accounts once every code is in.
   * @param describe turns pending tokens into the preview the user confirms
   */
  async take(text: string, describe: (s: ScannedTokens) => Promise<ScanPreview>): Promise<ScanStep> {
    const payload = classifyQrText(text);
    if (payload.kind === 'otpauth') return this.hold({ tokens: [payload.token], problems: [] }, describe);
    if (payload.kind !== 'migration') {
      return { kind: 'other', message: `${payload.message} Nothing was added.` };
    }
    const step = this.collector.add(payload.code);
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
    return this.hold(scanned, describe);
  }

  private async hold(
    scanned: ScannedTokens,
    describe: (s: ScannedTokens) => Promise<ScanPreview>,
  ): Promise<ScanStep> {
    const preview = await describe(scanned);
    this.pending = { ...scanned, preview };
    return { kind: 'preview', preview };
  }

  /** The tokens waiting for confirmation, or null. */
  get waiting(): PendingScan | null {
    return this.pending;
  }

  /** Hands over the pending tokens for saving, once. */
  takePending(): PendingScan {
    const p = this.pending;
    if (p === null)
      throw new KeyfobError('invalid-input', 'There is nothing scanned to save. Scan the code again.');
    this.pending = null;
    return p;
  }

  reset(): void {
    this.pending = null;
    this.collector = new MigrationCollector();
  }
}

/** The first {@link MAX_LISTED} problems as lines, then one saying how many more there are. */
function someProblems(errors: ReadonlyArray<{ source: string; message: string }>): string[] {
  const lines = errors.slice(0, MAX_LISTED).map((e) => `${e.source}: ${e.message}`);
  const more = errors.length - lines.length;
  return more > 0 ? [...lines, `…and ${more} more accounts that cannot be imported.`] : lines;
}
