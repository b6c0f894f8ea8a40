import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyfobError } from '../../shared/errors';
import { errorName, toReply } from './errors';

// Unexpected errors reach the renderer (and the log) by name only: their text can hold data.
const SECRET = 'JBSWY3DPEHPK3PXP';
afterEach(() => vi.restoreAllMocks());

describe('toReply', () => {
  it.each([
    ['a TypeError', new TypeError(`cannot read ${SECRET}`), 'TypeError'],
    ['a RangeError', new RangeError(`bad ${SECRET}`), 'RangeError'],
    ['a thrown string', `otpauth://totp/x?secret=${SECRET}`, 'string'],
    ['an error with a made-up name', Object.assign(new Error('x'), { name: `Oops ${SECRET}\n` }), 'Error'],
  ])('%s: internal, named %j, without its text', async (_name, thrown, name) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await toReply('accounts:list', () => Promise.reject(thrown));
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: `Something unexpected went wrong in Keyfob (${name}). Try again; if it keeps happening, restart the app.`,
      },
    });
    expect(logged).toHaveBeenCalledWith(`[keyfob] accounts:list failed unexpectedly (${name})`);
  });

  it("Keyfob's own errors keep their code, text and field", async () => {
    const reply = await toReply('x', () =>
      Promise.reject(new KeyfobError('invalid-input', 'Say what.', 'secret')),
    );
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Say what.', field: 'secret' },
    });
  });
});

describe('errorName', () => {
  it.each([
    [new SyntaxError('x'), 'SyntaxError'],
    [Object.assign(new Error('x'), { name: 'DbusError' }), 'DbusError'],
    [Object.assign(new Error('x'), { name: 'A'.repeat(41) }), 'Error'],
    [null, 'object'],
    [undefined, 'undefined'],
  ])('%s → %s', (error, name) => {
    expect(errorName(error)).toBe(name);
  });
});
