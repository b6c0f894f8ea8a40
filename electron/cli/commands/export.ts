import { KeyfobError } from '../../../shared/errors';
import { EXPORT_FORMATS, exportFormat } from '../../../shared/export-formats';
import { writeExport } from '../../formats';
import { tokensOf } from '../../services/tokens';
import { command, type Command } from '../command';
import { checkExportTarget, writeExportFile } from '../export-file';
import { EXIT } from '../io';
import { openVault } from '../open-vault';
import { readPassword, terminalPasswordSource } from '../password-input';

const FORMAT_HELP = EXPORT_FORMATS.map(
  (f) => `  ${f.id.padEnd(18)} ${f.cli.replaceAll('\n', `\n${' '.repeat(21)}`)}`,
).join('\n');

/** `keyfob export`: every account with its secret, in one of the export formats. */
export const exportCommand: Command = command({
  name: 'export',
  summary: 'write every account to a backup file (Aegis, otpauth:// list, Google transfer)',
  help: `usage: keyfob export --format <format> --out <file> [--password-file <file>] [--force]

Writes every account, with its secret, in the list's order, to <file>: a new file with mode 600,
written in full before it takes the name (a crash leaves the old file or the complete new one).
formats:
${FORMAT_HELP}
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
    const chosen = exportFormat(format);
    if (chosen === undefined) {
      const ids = EXPORT_FORMATS.map((f) => f.id).join(', ');
      throw new KeyfobError('invalid-input', `unknown format '${format}'; use one of ${ids}`, 'format');
    }
    const passwordFile = values['password-file'] as string | undefined;
    const { encrypted } = chosen;
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
    const tokens = await tokensOf(vault, await vault.list());
    const result = await writeExport(chosen.id, tokens, password);
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
