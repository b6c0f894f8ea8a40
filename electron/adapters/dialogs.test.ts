import { describe, expect, it } from 'vitest';
import { confirmBoxOptions, noDialogs, saveDialogOptions } from './dialogs';
import { scriptedDialogs } from '../../test-support/adapters/scripted-dialogs';

const REQUEST = { title: 'T', message: 'Show it?', detail: 'Who and why.', confirmLabel: 'Show' };

describe('the native dialogs’ options', () => {
  it('the save dialog asks before replacing a file on Linux too', () => {
    expect(saveDialogOptions('Save backup', 'b.json').properties).toContain('showOverwriteConfirmation');
  });

  it('a confirmation is a warning whose default and Escape answer is Cancel', () => {
    expect(confirmBoxOptions(REQUEST)).toMatchObject({
      type: 'warning',
      message: 'Show it?',
      detail: 'Who and why.',
      buttons: ['Show', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
  });
});

describe('scriptedDialogs', () => {
  it.each([
    ['nothing queued: refused', [], [false]],
    ['queued answers, in order, then refused', [true, false], [true, false, false]],
  ])('%s', async (_name, queued, answers) => {
    const d = scriptedDialogs();
    for (const a of queued) d.nextConfirm(a);
    const got = [];
    for (const _answer of answers) got.push(await d.confirm(REQUEST));
    expect(got).toEqual(answers);
    expect(d.shown).toEqual(answers.map(() => ({ kind: 'confirm', ...REQUEST })));
  });

  it('without dialogs a confirmation fails with a message instead of revealing anything', async () => {
    await expect(noDialogs.confirm(REQUEST)).rejects.toMatchObject({
      message: 'Confirmation dialogs are not available here.',
    });
  });
});
