import type { Token } from '../../../shared/otp-types';
import { base32 } from './fixture-encoding';
import { keyUri } from './key-uris';
import type { Randomness } from './seeded';

// Bitwarden, Proton Authenticator and Ente Auth exports, written from Aegis's importers and the apps'
// public export code and samples (see README.md), never from Keyfob's readers.

/** How Bitwarden holds a TOTP: `steam://<base32>` for Steam, the bare secret (here in groups of four,
 * as people paste it) for a plain default TOTP when `bare`, else the key URI the user entered. */
function bitwardenTotp(t: Token, bare: boolean): string {
  if (t.type === 'steam') return `steam://${base32(t.secret)}`;
  return bare ? base32(t.secret).replace(/(.{4})(?=.)/gu, '$1 ') : keyUri(t);
}

/**
 * A Bitwarden unencrypted JSON export: `{encrypted: false, folders, items}`, items of type 1 (login)
 * with `login.totp`; item name = issuer, username = account, plus one login without TOTP that
 * importers must skip. `bareKey` is the account stored as a bare secret.
 */
export function writeBitwardenJson(
  tokens: readonly Token[],
  keys: readonly string[],
  bareKey: string,
  random: Randomness,
): string {
  const item = (name: string, username: string, totp: string | null) => ({
    id: random.uuid(),
    organizationId: null,
    folderId: null,
    type: 1,
    reprompt: 0,
    name,
    notes: null,
    favorite: false,
    login: { uris: [], username, password: null, totp },
    collectionIds: null,
  });
  const items = tokens.map((t, i) => item(t.issuer, t.account, bitwardenTotp(t, keys[i] === bareKey)));
  items.splice(2, 0, item('Forum without 2FA', 'alice', null));
  return `${JSON.stringify({ encrypted: false, folders: [], items }, null, 2)}\n`;
}

/** Bitwarden's CSV export: its header row (with `reprompt`), RFC 4180 quoting, one note over two lines. */
export function writeBitwardenCsv(
  tokens: readonly Token[],
  keys: readonly string[],
  bareKey: string,
): string {
  const q = (s: string): string => (/[",\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);
  const head =
    'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp';
  const rows = tokens.map((t, i) =>
    ['', '', 'login', t.issuer, '', '', '0', '', t.account, '', bitwardenTotp(t, keys[i] === bareKey)]
      .map(q)
      .join(','),
  );
  rows.splice(
    2,
    0,
    ',,login,"Forum, no 2FA","a note\nover two lines",,0,https://forum.example,alice,hunter2,',
  );
  return `${[head, ...rows].join('\n')}\n`;
}

/**
 * A Proton Authenticator export, version 1 (proton-pass-common, proton-authenticator/src/entry/
 * exporter.rs; Aegis's proton_authenticator.json): `{version: 1, entries: [{id, content: {uri,
 * entry_type: "Totp"|"Steam", name}, note}]}`. Proton's TOTP URI spells every parameter out and
 * labels with the account only; Steam is `steam://<base32>`. Proton has no HOTP: pass TOTP/Steam only.
 */
export function writeProton(tokens: readonly Token[], random: Randomness): string {
  const entries = tokens.map((t) => {
    if (t.type === 'hotp') throw new Error('Proton Authenticator has no HOTP');
    const uri =
      t.type === 'steam'
        ? `steam://${base32(t.secret)}`
        : `otpauth://totp/${encodeURIComponent(t.account)}?secret=${base32(t.secret)}&issuer=${encodeURIComponent(t.issuer)}&algorithm=${t.algorithm}&digits=${t.digits}&period=${t.period}`;
    return {
      id: random.uuid(),
      content: { uri, entry_type: t.type === 'steam' ? 'Steam' : 'Totp', name: t.account },
      note: null,
    };
  });
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
}

/**
 * Ente Auth's plain export (Aegis's EnteAuthImporter.java and ente_auth.txt): one URI per line with
 * Ente's quirks — lower-case algorithm, a `period` on HOTP too, and a `codeDisplay` JSON parameter.
 */
export function writeEnte(tokens: readonly Token[]): string {
  const display = encodeURIComponent(
    JSON.stringify({ pinned: false, trashed: false, lastUsedAt: 0, tapCount: 0, tags: [] }),
  );
  return tokens
    .map((t) => {
      const label = `${encodeURIComponent(t.issuer)}:${encodeURIComponent(t.account)}`;
      const counter = t.type === 'hotp' ? `&counter=${t.counter}` : '';
      return `otpauth://${t.type}/${label}?secret=${base32(t.secret)}&issuer=${encodeURIComponent(t.issuer)}&algorithm=${t.algorithm.toLowerCase()}&digits=${t.digits}&period=${t.period}${counter}&codeDisplay=${display}\n`;
    })
    .join('');
}
