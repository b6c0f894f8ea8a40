import { describe, expect, it } from 'vitest';
import { KeyfobError } from '../../shared/errors';
import { textKind } from '../../shared/text-kind';
import type { DecodeOutcome, Frame } from '../../qr-decoder';
import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
import type { DisplayDecoder } from '../qr/screen-decoders';
import { scanScreens } from './scan-screens';

// Which display's code scanScreens reports when the displays are decoded at once and finish in
// any order: a decoder stand-in answers each display after its own delay.

const KEY = 'otpauth://totp/A:me?secret=JBSWY3DPEHPK3PXP';
const KEY2 = 'otpauth://totp/B:me?secret=GEZDGNBVGY3TQOJQ';
const LINK = 'https://example.com';
const corner = { x: 0, y: 0 };

/** A display: what its decode yields (a text, nothing, or a failure) and after how many ms. */
type Display = [holds: string | null | Error, ms: number];

function run(displays: Display[]) {
  const events: string[] = [];
  const frames = displays.map((_, i): Frame => ({ data: new Uint8ClampedArray(4), width: 1, height: i + 1 }));
  const capture: ScreenCaptureAdapter = {
    permission: () => 'granted',
    capture: async () => {
      events.push('capture');
      return frames.map((frame, i) => ({ label: `Display ${i + 1}`, frame }));
    },
  };
  const decoder: DisplayDecoder = {
    prepare: () => void events.push('prepare'),
    close: async () => undefined,
    decode: (frame) =>
      new Promise<DecodeOutcome>((resolve, reject) => {
        const [holds, ms] = displays[frame.height - 1] ?? [null, 0];
        setTimeout(() => {
          if (holds instanceof Error) reject(holds);
          else resolve({ codes: holds === null ? [] : [code(holds)] });
        }, ms);
      }),
  };
  return { result: scanScreens(capture, decoder), events };
}

function code(text: string) {
  const corners = { topLeft: corner, topRight: corner, bottomRight: corner, bottomLeft: corner };
  return { text, corners, inverted: false, kind: textKind(text) };
}

describe('scanScreens over displays decoded at once', () => {
  it.each<[string, Display[], string, string | null]>([
    [
      'a key on the second display wins over a later display that finished first',
      [
        [LINK, 5],
        [KEY, 30],
        [KEY2, 1],
      ],
      'Display 2',
      KEY,
    ],
    [
      'a key on the last display, the others empty',
      [
        [null, 1],
        [null, 20],
        [KEY, 5],
      ],
      'Display 3',
      KEY,
    ],
    [
      'only a link: the first code of any kind, so the user learns what it held',
      [
        [null, 1],
        [LINK, 5],
        [null, 1],
      ],
      'Display 2',
      LINK,
    ],
    [
      'a later display failing after the first has a key',
      [
        [KEY, 1],
        [new KeyfobError('internal', 'stopped'), 10],
      ],
      'Display 1',
      KEY,
    ],
  ])('%s', async (_, displays, display, text) => {
    const { result, events } = run(displays);
    expect(await result).toMatchObject({ displays: displays.length, display, text });
    expect(events).toEqual(['prepare', 'capture']); // threads start while the displays are captured
  });

  it('says no code was found when no display holds one', async () => {
    const { result } = run([
      [null, 3],
      [null, 1],
    ]);
    expect(await result).toEqual({
      displays: 2,
      display: null,
      text: null,
      message: 'No QR code was found on any of your 2 displays.',
    });
  });

  it('passes on a decoder failure that stops the search', async () => {
    const { result } = run([
      [null, 1],
      [new KeyfobError('internal', 'Its QR decoder stopped.'), 1],
      [KEY, 1],
    ]);
    await expect(result).rejects.toThrow('Its QR decoder stopped.');
  });
});
