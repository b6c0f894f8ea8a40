/**
 * D-Bus type signatures: splitting them into complete types, with the spec's limits enforced so a
 * signature from the bus can never make the reader loop or recurse without end.
 */

/** The spec's limits: a signature has at most 255 bytes, containers nest at most 32 deep each. */
const MAX_SIGNATURE = 255;
/** How deep containers and variants may nest (the spec's 32 arrays plus 32 structs). */
export const MAX_DEPTH = 64;
const BASIC = 'ybnqiuxtdsogh';

/** Splits a signature into its complete types ("a{ss}o" → ["a{ss}", "o"]); throws on an invalid one. */
export function splitSignature(signature: string): string[] {
  if (signature.length > MAX_SIGNATURE) throw new Error('D-Bus signature too long.');
  const out: string[] = [];
  let i = 0;
  while (i < signature.length) {
    const end = typeEnd(signature, i, 0);
    out.push(signature.slice(i, end));
    i = end;
  }
  return out;
}

function typeEnd(sig: string, i: number, depth: number): number {
  if (depth > MAX_DEPTH) throw new Error(`D-Bus signature nests too deep: '${sig}'.`);
  const c = sig[i];
  if (c === 'a') {
    // A dict entry is only an array's element: {key value}, the key a basic type.
    if (sig[i + 1] === '{') {
      if (!BASIC.includes(sig[i + 2] ?? '')) throw new Error(`Invalid D-Bus dict key in '${sig}'.`);
      const valueEnd = typeEnd(sig, i + 3, depth + 1);
      if (sig[valueEnd] !== '}') throw new Error(`Invalid D-Bus dict entry in '${sig}'.`);
      return valueEnd + 1;
    }
    return typeEnd(sig, i + 1, depth + 1);
  }
  if (c === '(') {
    let j = i + 1;
    // An empty struct reads no bytes: an array of them would never end.
    if (sig[j] === ')') throw new Error(`Empty D-Bus struct in '${sig}'.`);
    while (sig[j] !== ')') {
      if (j >= sig.length) throw new Error(`Unbalanced D-Bus signature '${sig}'.`);
      j = typeEnd(sig, j, depth + 1);
    }
    return j + 1;
  }
  if (c === undefined || !`${BASIC}v`.includes(c)) throw new Error(`Unsupported D-Bus type in '${sig}'.`);
  return i + 1;
}

/** The alignment in bytes of a value whose type starts with `c`. */
export function alignment(c: string | undefined): number {
  switch (c) {
    case 'y':
    case 'g':
    case 'v':
      return 1;
    case 'n':
    case 'q':
      return 2;
    case 'x':
    case 't':
    case 'd':
    case '(':
    case '{':
      return 8;
    default:
      return 4;
  }
}
