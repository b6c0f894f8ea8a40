/**
 * otpauth:// and otpauth-migration:// links opened from outside Keyfob (a browser, a password
 * manager, a QR app). Any web page can open one, so a link is untrusted input: only these two
 * schemes are taken, only from after the `--` that the desktop entry, the Windows handler and
 * development registration put before the link (so it was never read as a Chromium switch), and
 * the text then goes through the same checks and parser as a scanned QR code.
 */

/** The URL schemes Keyfob registers as their handler. */
export const LINK_SCHEMES = ['otpauth', 'otpauth-migration'] as const;

/** At most this many links are taken from one command line (a long Google transfer has a dozen). */
export const MAX_LINKS = 20;

const LINK = /^(otpauth|otpauth-migration):\/\//i;

/** True when `text` is a link of one of {@link LINK_SCHEMES}, by its scheme alone. */
export function isKeyLink(text: string): boolean {
  return LINK.test(text);
}

/**
 * The links in a command line (`process.argv` at start, the second instance's argv later): the
 * arguments after the first `--` that are links of Keyfob's schemes, in order. Nothing before the
 * `--` is ever taken, whatever it looks like: Chromium may add or move switches there.
 */
export function linksInArgv(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  if (end === -1) return [];
  return argv
    .slice(end + 1)
    .filter(isKeyLink)
    .slice(0, MAX_LINKS);
}

/**
 * The one entry for links on a command line, the first start's or a second instance's (main and
 * the e2e harness both call it): the links in `argv`, if any, go to `open`.
 */
export async function openLinksIn(
  argv: readonly string[],
  open: (links: string[]) => Promise<void>,
): Promise<void> {
  const links = linksInArgv(argv);
  if (links.length > 0) await open(links);
}
