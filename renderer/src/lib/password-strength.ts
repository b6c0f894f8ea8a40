/** How strong a backup password looks, for the hint under the export password field. */
export interface PasswordStrength {
  /** 0 empty, 1 weak, 2 fair, 3 good, 4 strong. */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  /** Estimated entropy in bits (length × log2 of the character classes used; repeats count less). */
  bits: number;
}

const CLASSES: ReadonlyArray<{ test: RegExp; size: number }> = [
  { test: /[a-z]/u, size: 26 },
  { test: /[A-Z]/u, size: 26 },
  { test: /[0-9]/u, size: 10 },
  { test: /[^a-zA-Z0-9]/u, size: 33 },
];

/**
 * A length/character-class estimate: bits = distinct-ish length × log2(pool). Long passphrases of
 * plain words score well, short mixed ones poorly — which is the right nudge for a file that an
 * attacker can attack offline (scrypt slows each guess, it does not stop a dictionary).
 * @see https://pages.nist.gov/800-63-3/sp800-63b.html#appA (length matters more than composition)
 */
export function passwordStrength(password: string): PasswordStrength {
  if (password === '') return { score: 0, label: '', bits: 0 };
  const chars = [...password];
  const pool = CLASSES.reduce((n, c) => (c.test.test(password) ? n + c.size : n), 0);
  // A character that repeats the one before it ("aaaa", "1111") adds almost nothing.
  const effective = chars.filter((c, i) => i === 0 || c !== chars[i - 1]).length;
  const bits = Math.round(effective * Math.log2(Math.max(pool, 2)));
  if (bits < 50) return { score: 1, label: 'Weak — use a longer password', bits };
  if (bits < 75) return { score: 2, label: 'Fair — a few more words would help', bits };
  if (bits < 100) return { score: 3, label: 'Good', bits };
  return { score: 4, label: 'Strong', bits };
}
