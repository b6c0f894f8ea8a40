import type { SeededRandom } from '../core/seeded-random';
import type { CameraConditions } from './scenes';

// The webcam conditions of the QR corpus. Each draws its own parameters per frame (so a frame of
// the held-out set never repeats one of the tuning set), and blur is sized in modules of the code
// it blurs: whether blur can be read depends on its size against a module, not in pixels. The
// strongest of each kind stops just short of where nothing reads the code any more, neither zxing
// nor zxing after sharpening (measured on other seeds): a disc of radius 1 module, a Gaussian of
// σ 0.6 module, a streak of 1.8 modules.

/** Makes one frame's conditions, given its random source and the code's module size in px. */
export type ConditionMaker = (rng: SeededRandom, module: number) => CameraConditions;

/** A webcam condition: how to make it, and whether it is one of the blur conditions. */
export interface Condition {
  blur: boolean;
  make: ConditionMaker;
  /** Module size in px instead of the class's (small codes far from the camera). */
  module?: readonly [number, number];
}

const between = (rng: SeededRandom, lo: number, hi: number): number => lo + (hi - lo) * rng.next();
const plain = (make: ConditionMaker): Condition => ({ blur: false, make });
const blurred = (make: ConditionMaker): Condition => ({ blur: true, make });

/** Every webcam condition, by name; the blur ones are what "blurred frames" means in the figures. */
export const CONDITIONS: Record<string, Condition> = {
  clean: plain(() => ({})),
  rotated: plain((r) => ({ rotate: between(r, 25, 45) })),
  'rotated-steep': plain((r) => ({ rotate: between(r, 70, 88) })),
  perspective: plain((r) => ({ tilt: between(r, 0.15, 0.25), rotate: between(r, -15, 15) })),
  noise: plain((r) => ({ noise: between(r, 12, 18) })),
  'noise-heavy': plain((r) => ({ noise: between(r, 25, 35) })),
  'low-contrast': plain((r) => ({ contrast: between(r, 0.22, 0.3) })),
  dim: plain((r) => ({ contrast: 0.3, mid: between(r, 40, 50) })),
  'uneven-light': plain((r) => ({ uneven: between(r, 0.6, 0.8) })),
  jpeg: plain((r) => ({ jpeg: r.int(20, 30) })),
  'jpeg-heavy': plain((r) => ({ jpeg: r.int(10, 15) })),
  inverted: plain(() => ({ inverted: true })),
  glare: plain((r) => ({ glare: { strength: between(r, 0.6, 0.85), radius: between(r, 0.12, 0.2) } })),
  far: { blur: false, module: [1.7, 2.4], make: () => ({ blur: 0.6 }) },
  combined: plain((r, m) => ({
    rotate: between(r, 10, 30),
    tilt: 0.1,
    blur: 0.25 * m,
    noise: 10,
    uneven: 0.4,
    jpeg: 50,
  })),
  blur: blurred((r, m) => ({ blur: between(r, 0.3, 0.4) * m })),
  'blur-heavy': blurred((r, m) => ({ blur: between(r, 0.45, 0.55) * m })),
  'defocus-light': blurred((r, m) => ({ defocus: between(r, 0.4, 0.6) * m })),
  defocus: blurred((r, m) => ({ defocus: between(r, 0.6, 0.75) * m })),
  'defocus-strong': blurred((r, m) => ({ defocus: between(r, 0.75, 0.9) * m })),
  motion: blurred((r, m) => ({ motion: { length: between(r, 0.8, 1.2) * m, angle: between(r, 0, 180) } })),
  'motion-strong': blurred((r, m) => ({
    motion: { length: between(r, 1.3, 1.6) * m, angle: between(r, 0, 180) },
  })),
  'blur-noise-dark': blurred((r, m) => ({
    blur: between(r, 0.3, 0.4) * m,
    contrast: 0.35,
    mid: between(r, 50, 65),
    noise: between(r, 10, 14),
  })),
};
