import { KeyfobError } from '../../../shared/errors';
import type { Token } from '../../../shared/otp-types';
import { EXPORT_FORMATS, writeExport, type ExportFormatId } from '../../formats';
import { command, type Command } from '../command';
import { checkExportTarget, writeExportFile } from '../export-file';
import { EXIT } from '../io';
import { openVault } from '../open-vault';
import { readPassword, terminalPasswordSource } from '../password-input';

const IDS = EXPORT_FORMATS.map((f) => f.id);

/** `keyfob export`: every account with its secret, in one of the export formats. */
export const exportCommand: Command = command({
  name: 'export',
  summary: 'write every account to a backup file (Aegis, otpauth:// list, Google transfer)',
  help: `usage: keyfob export --format <format> --out <file> [--password-file <file>] [--force]

Writes every account, with its secret, in the list's order, to <file>: a new file with mode 600,
written in full before it takes the name (a crash leaves the old file or the complete new one).
formats:
  aegis-encrypted    Aegis vault, encrypted (scrypt N=32768 r=8 p=1, AES-256-GCM): Aegis and Keyfob import it
  aegis              Aegis vault, UNENCRYPTED
  otpauth            one otpauth:// URI per line, UNENCRYPTED (Ente, Aegis, 2FAS… import it)
  google-migration   Google Authenticator transfer links (≤ 10 accounts each), UNENCRYPTED;
                     accounts Google cannot hold (Steam, periods other than 30 s, other than 6/8 digits) are skipped
  --password-file <file>  the backup password on its first line (aegis-encrypted); without it
                          Keyfob asks on the terminal, twice
  --force                 replace <file> if it exists. The name itself is replaced by the new file:
                          a symbolic link there is replaced, never written through. Without
                          --force an existing <file> is refused.
Exit status: 0 all exported, 1 some accounts skipped or bad input, 2 keychain or disk unavailable.`,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    'password-file': { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const format = values['format'];
    const out = values['out'];
    if (positionals.length > 0 || typeof format !== 'string' || typeof out !== 'string') {
      throw new KeyfobError('invalid-input', "export needs --format and --out — see 'keyfob export --help'");
    }
    if (!(IDS as string[]).includes(format)) {
      throw new KeyfobError(
        'invalid-input',
        `unknown format '${format}'; use one of ${IDS.join(', ')}`,
        'format',
      );
    }
    const passwordFile = values['password-file'] as string | undefined;
    const encrypted = format === 'aegis-encrypted';
    if (!encrypted && passwordFile !== undefined) {
      throw new KeyfobError(
        'invalid-input',
        `--password-file only applies to aegis-encrypted; ${format} is not encrypted`,
      );
    }
    const force = values['force'] === true;
    await checkExportTarget(out, force);
    const password = encrypted
      ? await readPassword(terminalPasswordSource(passwordFile), 'the encrypted backup', true)
      : undefined;
    const vault = await openVault(io);
    const accounts = await vault.list();
    const secrets = await vault.secrets(accounts.map((a) => a.id));
    const tokens: Token[] = accounts.map((a) => {
      const secret = secrets.get(a.id);
      if (!(secret instanceof Uint8Array))
        throw secret ?? new KeyfobError('internal', 'a secret went missing');
      const {
        id: _id,
        order: _o,
        createdAt: _c,
        updatedAt: _u,
        replacedKey: _r,
        ...token
      } = { ...a, secret };
      return token;
    });
    const result = await writeExport(format as ExportFormatId, tokens, password);
    await writeExportFile(out, result.bytes, force);
    if (!encrypted) {
      io.err(
        `keyfob: warning: ${out} holds every secret UNENCRYPTED — anyone who can read it can make your codes. Move it to its destination and delete it.`,
      );
    }
    for (const s of result.skipped) io.err(`keyfob: skipped ${s.name}: ${s.message}`);
    io.out(
      `exported ${tokens.length - result.skipped.length} of ${tokens.length} accounts to ${out} (${format})`,
    );
    return result.skipped.length > 0 ? EXIT.input : EXIT.ok;
  },
});
