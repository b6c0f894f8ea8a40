import { KeyfobError } from '../../../shared/errors';
import { readInputFile } from '../../formats/input-file';
import { MAX_IMAGE_BYTES } from '../../../qr-decoder/image-limits';
import type { QrCorners } from '../../../qr-decoder/types';
import type { ReadOutcome } from '../../qr/classify';
import { command, type Command } from '../command';
import { EXIT, type Io } from '../io';

interface FileReport {
  file: string;
  /** Milliseconds to decode the image and find the codes (reading the file excluded). */
  ms: number;
  codes: Array<{ text: string; kind: string; message: string; corners: QrCorners }>;
  implausible: Array<{ text: string; message: string; corners: QrCorners }>;
  /** Why the file could not be scanned at all. */
  error?: string;
}

/** `keyfob scan`: decodes QR codes in image files and prints what they hold; stores nothing. */
export const scan: Command = command({
  name: 'scan',
  summary: 'print the QR codes found in image files (PNG, JPEG, WebP, BMP, GIF)',
  help: `usage: keyfob scan <image>… [--json]

Finds QR codes anywhere in each image (a whole screenshot is fine) and prints, per file, the text
of every code found — as found, secrets included, so mind where you paste it — or why nothing was
found, and the milliseconds the decode took. Nothing is stored: to add what a code holds, pass
the text to 'keyfob add' or save it to a file for 'keyfob import'. A code that claims to be a key
(otpauth://) or a Google Authenticator transfer but does not parse is shown as not usable.
Exit status: 0 when every image held a usable code, 1 otherwise.
  --json   one JSON array: file, ms, codes (text, kind, message, corners), implausible, error`,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) {
      throw new KeyfobError('invalid-input', "scan needs at least one image file — see 'keyfob scan --help'");
    }
    const reports: FileReport[] = [];
    for (const file of positionals) reports.push(await scanFile(file));
    if (values['json']) io.out(JSON.stringify(reports, null, 2));
    else for (const r of reports) printReport(r, io);
    return reports.every((r) => r.codes.length > 0) ? EXIT.ok : EXIT.input;
  },
});

async function scanFile(file: string): Promise<FileReport> {
  const report: FileReport = { file, ms: 0, codes: [], implausible: [] };
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file, { maxBytes: MAX_IMAGE_BYTES, what: 'image', name: file });
  } catch (e) {
    return { ...report, error: e instanceof KeyfobError ? e.message : 'the file cannot be read' };
  }
  // Loaded on demand: the decoder (zxing-wasm, sharp) would slow every other command's start.
  const { decodeImageFile } = await import('../../qr/image-file');
  const t0 = performance.now();
  let outcome: ReadOutcome;
  try {
    outcome = await decodeImageFile(bytes);
  } catch (e) {
    if (!(e instanceof KeyfobError)) throw e;
    return { ...report, ms: elapsed(t0), error: e.message };
  }
  return {
    ...report,
    ms: elapsed(t0),
    codes: outcome.codes.map((c) => ({
      text: c.text,
      kind: c.payload.kind,
      message: c.payload.message,
      corners: c.corners,
    })),
    implausible: outcome.implausible,
  };
}

function printReport(r: FileReport, io: Io): void {
  const head = `${r.file}  ${r.ms} ms`;
  if (r.error) io.out(`${head}  ${r.error}`);
  for (const c of r.codes) io.out(`${head}  ${c.text.trim()}`);
  for (const c of r.implausible) io.out(`${head}  not usable: ${c.message} (it reads: ${c.text.trim()})`);
  if (!r.error && r.codes.length === 0 && r.implausible.length === 0) io.out(`${head}  no QR code found`);
}

function elapsed(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}
