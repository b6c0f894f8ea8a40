// A separate process using the vault on the real keyring, for the concurrency, crash and
// no-Secret-Service tests. Bundled by child-runner.ts; location from KEYFOB_HOME/KEYFOB_KEYCHAIN_SERVICE.
//   add <count> <prefix>   adds <count> accounts, prints {"added":n}
//   churn <seed>           adds (one or several at once)/removes/replaces/restores keys and takes HOTP codes forever, one line per step
//   probe                  tries every operation once, prints what each one answered
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { Vault, keytarSecretStore, resolveVaultLocation } from '../../electron/vault/index';
import { seededRandom } from './random';

function token(issuer: string, account: string, type: 'totp' | 'hotp' = 'totp'): Token {
  const secret = new Uint8Array(randomBytes(20));
  return { issuer, account, secret, type, algorithm: 'SHA1', digits: 6, period: 30, counter: 0n };
}

async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (e) {
    if (e instanceof KeyfobError) return `${e.code}: ${e.message}`;
    throw e;
  }
}

async function main(): Promise<void> {
  const [command = '', a1 = '', a2 = ''] = process.argv.slice(2);
  const { home, service } = resolveVaultLocation(process.env, process.platform, homedir());
  const { vault, report } = await Vault.open({ home, secrets: keytarSecretStore(service) });
  if (command === 'add') {
    for (let i = 0; i < Number(a1); i++) await vault.add(token(a2, `${a2}-${i}`));
    console.log(JSON.stringify({ added: Number(a1), recovered: report.recovered }));
  } else if (command === 'churn') {
    const random = seededRandom(Number(a1));
    for (let step = 0; ; step++) {
      const accounts = await vault.list();
      const r = random();
      if (r < 0.25 && accounts.length > 0) {
        await vault.remove(accounts[Math.floor(random() * accounts.length)]?.id ?? '');
      } else if (r < 0.45 && accounts.length > 0) {
        // Replace a key, or restore one when it has been replaced (both go through a key swap).
        const pick = accounts[Math.floor(random() * accounts.length)];
        if (pick?.replacedKey && random() < 0.5) await vault.restoreKey(pick.id);
        else if (pick)
          await vault.replaceKey(
            pick.id,
            token(pick.issuer, pick.account, pick.type === 'hotp' ? 'hotp' : 'totp'),
          );
      } else if (r < 0.55 && accounts.some((x) => x.type === 'hotp')) {
        const hotp = accounts.filter((x) => x.type === 'hotp');
        await vault.takeHotpCode(hotp[Math.floor(random() * hotp.length)]?.id ?? '', Date.now());
      } else if (r < 0.7) {
        await vault.add(token('Churn', `c${a1}-${step}`, random() < 0.3 ? 'hotp' : 'totp'));
      } else {
        // A bulk add (imports): several pending entries at once when the kill lands.
        const n = 2 + Math.floor(random() * 5);
        await vault.addMany(
          Array.from({ length: n }, (_, i) => ({ token: token('Bulk', `b${a1}-${step}-${i}`, 'totp') })),
        );
      }
      console.log(`step ${step}`);
    }
  } else if (command === 'probe') {
    const listed = await vault.list();
    const first = listed[0]?.id ?? 'none';
    const result = {
      listed: listed.length,
      recovered: report.recovered,
      secret: await outcome(() => vault.secret(first)),
      secrets: await outcome(async () => {
        const m = await vault.secrets(listed.map((x) => x.id));
        const errors = [...m.values()].filter((v) => v instanceof KeyfobError);
        if (errors.length > 0) throw errors[0];
      }),
      remove: await outcome(() => vault.remove(first)),
      add: await outcome(() => vault.add(token('Probe', 'new'))),
      audit: await outcome(() => vault.audit()),
      listedAfter: (await vault.list()).length,
    };
    console.log(JSON.stringify(result));
  } else {
    throw new Error(`unknown command ${command}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(70);
});
