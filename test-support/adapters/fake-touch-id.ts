import type { TouchIdAdapter } from '../../electron/adapters/touch-id';

/** A Touch ID sensor a test scripts: whether the Mac has one, and how the next prompts end. */
export interface FakeTouchId extends TouchIdAdapter {
  /** Whether the prompt is available. */
  present: boolean;
  /** The answer of the next prompts (true: recognised). */
  answer: boolean;
  /** The reasons of every prompt shown. */
  readonly prompts: string[];
}

/** A fresh {@link FakeTouchId}: present, recognising. */
export function fakeTouchId(): FakeTouchId {
  const touch: FakeTouchId = {
    present: true,
    answer: true,
    prompts: [],
    available: () => touch.present,
    async prompt(reason) {
      touch.prompts.push(reason);
      return touch.answer;
    },
  };
  return touch;
}
