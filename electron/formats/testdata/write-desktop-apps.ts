import type { Token } from '../../../shared/otp-types';
import { base32, base64, formEncode, json, percent } from './fixture-encoding';
import type { Randomness } from './seeded';
import { writeZip, type ZipEncryption } from './write-zip';

// WinAuth's export and Authenticator Plus's export, written from formats-more.md "WinAuth" (WinAuth
// WinAuthAuthenticator.cs ToUrl, WinAuthHelper.cs ExportAuthenticators) and "Authenticator Plus"
// (a password zip holding Accounts.txt and an HTML page).

/**
 * WinAuth's text: `otpauth://totp|hotp/<issuer>:<name>?secret=…&digits=N&issuer=…[&counter=]`,
 * names and issuer form-encoded (.NET UrlEncode), never `period` or `algorithm`; a Steam account as
 * TOTP with issuer Steam, 5 digits, `deviceid` and the maFile JSON in `data`.
 */
export function writeWinAuthText(tokens: readonly Token[], random: Randomness): string {
  const lines = tokens.map((t) => {
    const issuer = formEncode(t.issuer);
    const type = t.type === 'hotp' ? 'hotp' : 'totp';
    let uri = `otpauth://${type}/${issuer}:${formEncode(t.account)}?secret=${base32(t.secret)}&digits=${t.digits}&issuer=${issuer}`;
    if (t.type === 'hotp') uri += `&counter=${t.counter}`;
    if (t.type === 'steam') {
      const data = json({
        shared_secret: base64(t.secret),
        account_name: t.account,
        identity_secret: base64(random.bytes(20)),
      });
      uri += `&deviceid=${formEncode(`android:${random.uuid()}`)}&data=${formEncode(data)}`;
    }
    return uri;
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** WinAuth's zip export: `<name>.txt` inside, with a password when one was given. */
export function writeWinAuthZip(tokens: readonly Token[], random: Randomness, password: string): Buffer {
  return writeZip(
    [{ name: 'winauth-2023-11-14.txt', text: writeWinAuthText(tokens, random) }],
    'zipcrypto',
    random,
    password,
  );
}

/** A Google-style key URI, every parameter spelled out, as Authenticator Plus's Accounts.txt lists them. */
function fullUri(t: Token): string {
  const label = `${percent(t.issuer)}:${percent(t.account, '@')}`;
  const tail = t.type === 'hotp' ? `&counter=${t.counter}` : `&period=${t.period}`;
  return `otpauth://${t.type}/${label}?secret=${base32(t.secret)}&issuer=${percent(t.issuer)}&algorithm=${t.algorithm}&digits=${t.digits}${tail}`;
}

/** Authenticator Plus's export zip: Accounts.txt (one URI per line) and Accounts.html, encrypted. */
export function writeAuthenticatorPlusZip(
  tokens: readonly Token[],
  random: Randomness,
  password: string,
  encryption: ZipEncryption,
): Buffer {
  const rows = tokens.map((t) => `<tr><td>${t.issuer}</td><td>${t.account}</td></tr>`).join('');
  return writeZip(
    [
      { name: 'Accounts.txt', text: `${tokens.map(fullUri).join('\n')}\n` },
      { name: 'Accounts.html', text: `<html><body><table>${rows}</table></body></html>\n` },
    ],
    encryption,
    random,
    password,
  );
}
