import { KeyfobError } from '../../shared/errors';

/**
 * Reads all of the process's standard input as UTF-8, or null when it is a terminal (nothing piped
 * in: waiting for typed input would look like a hang). More than `maxBytes` is refused unread.
 */
export async function readProcessStdin(maxBytes: number): Promise<string | null> {
  const stdin = process.stdin;
  if (stdin.isTTY === true) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stdin.destroy();
      const mb = maxBytes / (1024 * 1024);
      throw new KeyfobError(
        'invalid-input',
        `standard input is larger than ${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB; expected otpauth:// URIs`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
