import { describe, expect, it } from 'vitest';
import { RecoveryTally, auditLines, names } from './recovery-lines';

const many = (n: number, prefix = 'a') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const why = 'The keychain is locked. Keyfob will try again next time.';

describe('RecoveryTally.lines', () => {
  const cases: Array<[string, Partial<Record<keyof RecoveryTally, unknown[]>>, string[]]> = [
    ['nothing', {}, []],
    ['one recovered', { recovered: ['A: a'] }, ["Recovered account 'A: a' whose save was interrupted."]],
    ['many recovered', { recovered: many(74) }, ['Recovered 74 accounts whose save was interrupted.']],
    [
      'one dropped',
      { dropped: ['A: a'] },
      ["Dropped account 'A: a': its save was interrupted before the secret was stored. Add it again."],
    ],
    [
      'many dropped',
      { dropped: many(3) },
      [
        "Dropped 3 accounts whose save was interrupted before their secret was stored — import them again: 'a0', 'a1', 'a2'.",
      ],
    ],
    [
      'recovered and dropped (a killed import)',
      { recovered: many(74, 'r'), dropped: many(26) },
      [
        'Recovered 74 accounts whose save was interrupted; 26 were dropped before their secret was stored — ' +
          "import them again: 'a0', 'a1', 'a2', 'a3', 'a4', and 21 more.",
      ],
    ],
    [
      'recovered and one dropped',
      { recovered: many(2, 'r'), dropped: ['A: a'] },
      [
        "Recovered 2 accounts whose save was interrupted; 1 was dropped before its secret was stored — import it again: 'A: a'.",
      ],
    ],
    ['removals', { removed: many(4) }, ['Finished removing 4 accounts whose removal was interrupted.']],
    [
      'left for later (locked keychain)',
      {
        unchecked: many(7).map((name) => ({ name, why })),
        unremoved: [{ name: 'B: b', why }],
      },
      [
        `Could not check 7 accounts whose save was interrupted ('a0', 'a1', 'a2', 'a3', 'a4', and 2 more): ${why}`,
        `Could not finish removing account 'B: b': ${why}`,
      ],
    ],
    [
      'failures',
      { failed: many(2).map((name) => ({ name, why: 'The disk is full.' })) },
      ["Could not finish recovering 2 accounts ('a0', 'a1'): The disk is full."],
    ],
  ];
  it.each(cases)('%s', (_name, tally, expected) => {
    const t = new RecoveryTally();
    for (const [key, values] of Object.entries(tally))
      (t[key as keyof RecoveryTally] as unknown[]).push(...values);
    expect(t.lines()).toEqual(expected);
  });

  it('never grows with the number of accounts', () => {
    const t = new RecoveryTally();
    t.recovered.push(...many(100_000));
    t.dropped.push(...many(100_000));
    expect(t.lines().join('\n').length).toBeLessThan(300);
  });
});

describe('auditLines', () => {
  it('names one finding and counts many', () => {
    expect(auditLines(['Recovered 0123abcd'], ['x'], ['A: a'])).toEqual([
      "Found a secret in the keychain that no account listed; added it as 'Recovered 0123abcd' (assumed TOTP, SHA-1, 6 digits, 30 s). Check its codes, then rename or remove it.",
      'Keychain item x holds no base32 secret; it was left alone.',
      "Account 'A: a' has no secret in the keychain, so it can't show codes. Remove it or add it again.",
    ]);
    expect(auditLines(many(9, 'R'), many(2, 'x'), many(3))).toEqual([
      "Found 9 secrets in the keychain that no account listed; added them as 'R0', 'R1', 'R2', 'R3', 'R4', and 4 more (assumed TOTP, SHA-1, 6 digits, 30 s). Check their codes, then rename or remove them.",
      "2 keychain items hold no base32 secret ('x0', 'x1'); they were left alone.",
      "3 accounts have no secret in the keychain, so they can't show codes ('a0', 'a1', 'a2'). Remove them or add them again.",
    ]);
  });
});

describe('names', () => {
  it.each([
    [[], ''],
    [['a'], "'a'"],
    [many(5), "'a0', 'a1', 'a2', 'a3', 'a4'"],
    [many(6), "'a0', 'a1', 'a2', 'a3', 'a4', and 1 more"],
  ])('%j → %s', (input, expected) => expect(names(input)).toBe(expected));
});
