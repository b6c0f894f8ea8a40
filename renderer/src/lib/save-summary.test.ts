import { describe, expect, it } from 'vitest';
import type { AccountView, ImportSummary, ScanSaveResult } from '../../../shared/ipc/shapes';
import { importSummary, saveLabel, scanSummary } from './save-summary';

const account = (issuer: string) => ({ id: issuer, issuer, account: 'alice' }) as AccountView;
const NONE: ImportSummary = {
  added: 0,
  updated: 0,
  skipped: 0,
  rejected: 0,
  replaced: [],
  failed: [],
  stopped: false,
};

describe('saveLabel', () => {
  it.each([
    [['skip'], 'Done'],
    [['add'], 'Add account'],
    [['add', 'keep-both', 'update'], 'Add 3 accounts'],
    [[{ replace: 'a' }, 'skip'], 'Replace key'],
    [[{ replace: 'a' }, { replace: 'b' }], 'Replace 2 keys'],
    [[{ replace: 'a' }, 'add'], 'Save'],
  ] as const)('%j → %s', (decisions, label) => {
    expect(saveLabel(decisions)).toBe(label);
  });
});

describe('scanSummary', () => {
  it.each<[string, Partial<ScanSaveResult>, string]>([
    ['nothing', {}, 'Nothing was added.'],
    ['one added', { added: [account('GitHub')] }, 'Added GitHub'],
    ['two added', { added: [account('GitHub'), account('GitLab')] }, 'Added 2 accounts'],
    ['one replaced', { replaced: [account('GitHub')] }, 'Replaced the key of GitHub'],
    [
      'both',
      { added: [account('GitLab')], replaced: [account('GitHub')] },
      'Added GitLab. Replaced the key of GitHub',
    ],
  ])('%s', (_what, result, text) => {
    expect(scanSummary({ added: [], updated: 0, skipped: 0, replaced: [], ...result })).toBe(text);
  });
});

describe('importSummary', () => {
  it.each<[Partial<ImportSummary>, string]>([
    [{ added: 1, updated: 1, skipped: 8 }, 'Imported 2 accounts, 1 updated, 8 skipped'],
    [{ added: 1 }, 'Imported 1 account'],
    [{ replaced: [account('GitHub')] }, 'Replaced the key of GitHub'],
    [{ replaced: [account('A'), account('B')], skipped: 1 }, 'Replaced 2 keys, 1 skipped'],
    [{ added: 1, replaced: [account('GitHub')] }, 'Imported 1 account, 1 key replaced'],
    [
      { rejected: 1, failed: [{ source: 'x', message: 'locked' }] },
      'Imported 0 accounts, 1 rejected, 1 failed: locked',
    ],
  ])('%j → %s', (summary, text) => {
    expect(importSummary({ ...NONE, ...summary })).toBe(text);
  });
});
