// Writes every fixture file of electron/formats/testdata/files/ from the canonical account set,
// following each app's documented export structure (see README.md). Deterministic: run it again and
// git shows no change. Run from the repository root:
//   npx esbuild electron/formats/testdata/make-fixtures.ts --bundle --platform=node --outfile=out/make-fixtures.cjs && node out/make-fixtures.cjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aegisEncryptedFile, aegisPlainFile } from '../aegis';
import { writeUriList } from '../uri-list';
import { CANONICAL, FIXTURE_PASSWORD } from './canonical';
import { FIXTURES } from './fixture-list';
import { seededRandomness } from './seeded';
import { aegisDbVersion } from './write-aegis-versions';
import { write2fas, writeAndotp, writeFreeOtpPlus } from './write-phone-apps';
import { writeBitwardenCsv, writeBitwardenJson, writeEnte, writeProton } from './write-web-apps';

const dir = join(process.cwd(), 'electron/formats/testdata/files');

async function make(file: string, keys: readonly string[]): Promise<string | Uint8Array> {
  const picked = keys.map((k) => CANONICAL.find((c) => c.key === k)?.token).filter((t) => t !== undefined);
  const random = seededRandomness(file);
  switch (file) {
    case 'aegis-db1-plain.json':
      return aegisPlainFile(aegisDbVersion(1, picked, keys, random));
    case 'aegis-db2-plain.json':
      return aegisPlainFile(aegisDbVersion(2, picked, keys, random));
    case 'aegis-db3-plain.json':
      return aegisPlainFile(aegisDbVersion(3, picked, keys, random));
    case 'aegis-db3-encrypted.json':
      return aegisEncryptedFile(aegisDbVersion(3, picked, keys, random), FIXTURE_PASSWORD, random);
    case '2fas-schema1.2fas':
      return write2fas(picked, 1, random);
    case '2fas-schema2.2fas':
      return write2fas(picked, 2, random);
    case '2fas-schema3.2fas':
      return write2fas(picked, 3, random);
    case '2fas-schema4.2fas':
      return write2fas(picked, 4, random);
    case '2fas-schema4-encrypted.2fas':
      return write2fas(picked, 4, random, FIXTURE_PASSWORD);
    case 'andotp-plain.json':
      return writeAndotp(picked, random);
    case 'otp_accounts.json.aes':
      return writeAndotp(picked, random, FIXTURE_PASSWORD);
    case 'freeotp-plus.json':
      return writeFreeOtpPlus(picked);
    case 'bitwarden.json':
      return writeBitwardenJson(picked, keys, 'github', random);
    case 'bitwarden.csv':
      return writeBitwardenCsv(picked, keys, 'github');
    case 'proton-authenticator.json':
      return writeProton(picked, random);
    case 'ente-auth.txt':
      return writeEnte(picked);
    case 'keyfob-otpauth.txt':
      return writeUriList(picked);
    default:
      throw new Error(`no maker for ${file}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const f of FIXTURES) {
    writeFileSync(join(dir, f.file), await make(f.file, f.keys));
    console.log(`wrote ${f.file} (${f.keys.length} accounts${f.encrypted ? ', encrypted' : ''})`);
  }
}

void main();
