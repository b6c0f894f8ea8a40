/** The time server asked by default: Cloudflare's public NTP service (UDP 123). */
export const DEFAULT_CLOCK_SERVER = 'time.cloudflare.com';

/** The NTP port, used when a server is given without one. */
export const NTP_PORT = 123;

/** A time server as `HOST[:PORT]` splits: a host name or IP address, and a UDP port. */
export interface ServerAddress {
  host: string;
  port: number;
}

const MAX_LENGTH = 260;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/iu;
const IPV6 = /^[0-9a-f:.]+$/iu;

/**
 * `HOST[:PORT]` (a host name, an IPv4 address, or an IPv6 address, bracketed when a port follows)
 * as host and port; null when it is not one. Plain text only: no scheme, path, user or spaces.
 */
export function parseServerAddress(text: string): ServerAddress | null {
  const value = text.trim();
  if (value === '' || value.length > MAX_LENGTH) return null;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/u.exec(value);
  if (bracketed !== null) return ipv6(bracketed[1] ?? '', bracketed[2]);
  // Two colons or more without brackets: an IPv6 address alone, which cannot carry a port.
  if ((value.match(/:/gu) ?? []).length > 1) return ipv6(value, undefined);
  const [host = '', port] = value.split(':');
  if (!isHostName(host)) return null;
  return withPort(host.toLowerCase(), port);
}

/** The address as `HOST[:PORT]`, the port left out when it is the NTP port. */
export function formatServerAddress({ host, port }: ServerAddress): string {
  const shown = host.includes(':') ? `[${host}]` : host;
  return port === NTP_PORT ? host : `${shown}:${port}`;
}

/** The same server written one way (lower case, default port left out); null when `text` is not one. */
export function normaliseServer(text: string): string | null {
  const address = parseServerAddress(text);
  return address === null ? null : formatServerAddress(address);
}

function isHostName(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
}

function ipv6(host: string, port: string | undefined): ServerAddress | null {
  if (!IPV6.test(host) || !host.includes(':')) return null;
  return withPort(host.toLowerCase(), port);
}

function withPort(host: string, port: string | undefined): ServerAddress | null {
  if (port === undefined) return { host, port: NTP_PORT };
  if (!/^\d{1,5}$/u.test(port)) return null;
  const n = Number(port);
  return n >= 1 && n <= 65_535 ? { host, port: n } : null;
}
