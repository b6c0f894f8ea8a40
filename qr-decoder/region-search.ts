import type { CodeRegion } from './code-regions';
import { locatedModule, readRegion, type RegionResult } from './region-passes';
import type { Filter } from './sharpen';
import type { PassOptions, Plane, ReaderModule } from './zxing-pixmap';

// What is tried on one region, cheapest and likeliest first, until `done` says enough was found:
// 1. zxing's thorough options on the region as it is, asking for symbols it locates but cannot
//    decode: their corners and version give the module size exactly;
// 2. the region sharpened (smoothed first, plain, hard) at that module size — or, when zxing
//    located nothing (blur can hide a finder pattern from it), at the gate's estimate and at two
//    smaller sizes, since blur makes the gate's runs look coarser than the modules are.

/** zxing's thorough options, for a region as captured. */
export const REGION_PASS: PassOptions = {
  binarizer: 'LocalAverage',
  tryHarder: true,
  tryInvert: true,
  tryDownscale: true,
  tryDenoise: true,
  maxNumberOfSymbols: 8,
};

/** The options for a sharpened region. */
export const SHARPENED_PASS: PassOptions = {
  ...REGION_PASS,
  tryDownscale: false,
  tryDenoise: false,
  maxNumberOfSymbols: 1,
};

/** Sharpening filters, in the order tried. */
export const FILTERS: readonly Filter[] = ['denoise-sharpen', 'sharpen', 'sharpen-hard'];

/** Fractions of the gate's module estimate tried when zxing located no symbol. */
const LADDER = [1, 0.65, 0.45];
/** Modules smaller than this are not worth sharpening for: no decoder here reads them. */
const SMALLEST = 1.2;

/**
 * Searches one region; `sharpen` allows step 2 without a located symbol (camera frames, where blur
 * is common; a screenshot's false regions would cost too much). Returns every valid result.
 */
export function searchRegion(
  m: ReaderModule,
  frame: Plane,
  region: CodeRegion,
  sharpen: boolean,
  done: (found: RegionResult[]) => boolean,
): RegionResult[] {
  const found: RegionResult[] = [];
  const keep = (results: RegionResult[]): boolean => {
    found.push(...results.filter((r) => r.isValid));
    return done(found);
  };
  const first = readRegion(m, frame, region, undefined, { ...REGION_PASS, returnErrors: true });
  if (keep(first)) return found;
  let located = locatedModule(first);
  const sizes =
    located !== undefined
      ? [located]
      : sharpen
        ? LADDER.map((k) => k * region.module).filter((s) => s >= SMALLEST)
        : [];
  for (const size of sizes) {
    for (const filter of FILTERS) {
      const results = readRegion(m, frame, region, filter, { ...SHARPENED_PASS, returnErrors: true }, size);
      if (keep(results)) return found;
      const refined = located === undefined ? locatedModule(results) : undefined;
      if (refined === undefined) continue;
      // zxing located the symbol in the sharpened region: try every filter at its exact size once.
      located = refined;
      for (const again of FILTERS)
        if (keep(readRegion(m, frame, region, again, SHARPENED_PASS, refined))) return found;
    }
  }
  return found;
}
