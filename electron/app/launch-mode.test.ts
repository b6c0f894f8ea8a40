import { describe, expect, it } from 'vitest';
import { cliArguments, refusalMessage, refusedSwitch } from './launch-mode';

const EXE = '/opt/Keyfob/keyfob-desktop';

describe('cliArguments', () => {
  it.each([
    ['the desktop app', [EXE], null],
    ['the desktop app in development', ['/x/electron', '/x/out/main/index.js'], null],
    ['a link passed after --', [EXE, '--', 'otpauth://totp/A?secret=JBSWY3DP'], null],
    ['the switch smuggled in after --', [EXE, '--', '--keyfob-cli', 'list'], null],
    ['a look-alike switch', [EXE, '--keyfob-cli=1', '--', 'list'], null],
    ['keyfob code github', [EXE, '--keyfob-cli', '--', 'code', 'github'], ['code', 'github']],
    [
      'Chromium switches from the Linux launcher',
      [EXE, '--ozone-platform=headless', '--disable-gpu', '--keyfob-cli', '--', 'list', '--json'],
      ['list', '--json'],
    ],
    [
      'options that look like switches stay arguments',
      [EXE, '--keyfob-cli', '--', 'code', '--', '-x'],
      ['code', '--', '-x'],
    ],
    ['keyfob with no arguments', [EXE, '--keyfob-cli', '--'], []],
    ['the switch without --', [EXE, '--keyfob-cli'], []],
    [
      'development: electron . --keyfob-cli -- list',
      ['/x/electron', '.', '--keyfob-cli', '--', 'list'],
      ['list'],
    ],
  ])('%s', (_name, argv, expected) => expect(cliArguments(argv)).toEqual(expected));
});

describe('refusedSwitch', () => {
  const having =
    (...names: string[]) =>
    (name: string): boolean =>
      names.includes(name);

  it.each([
    ['installed, no switch', true, having(), null],
    ['installed, --remote-debugging-port', true, having('remote-debugging-port'), 'remote-debugging-port'],
    ['installed, --remote-debugging-pipe', true, having('remote-debugging-pipe'), 'remote-debugging-pipe'],
    ['installed, an unrelated switch', true, having('disable-gpu'), null],
    ['development, --remote-debugging-port', false, having('remote-debugging-port'), null],
  ])('%s → %s', (_name, packaged, hasSwitch, expected) =>
    expect(refusedSwitch(packaged, hasSwitch)).toBe(expected),
  );

  it('explains the refusal in one line', () => {
    const message = refusalMessage('remote-debugging-port');
    expect(message).toContain('--remote-debugging-port');
    expect(message).not.toContain('\n');
  });
});
