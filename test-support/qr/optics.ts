import type { Frame } from '../../qr-decoder/types';

// What a lens and a moving hand do to a picture, for the QR corpus: defocus (a disc, the shape of
// an out-of-focus lens's point spread), motion (a line), glare (a bright specular highlight).
// Gaussian blur, noise and contrast are in raster.ts.

/**
 * Defocus: every pixel becomes the mean of a disc of `radius` px around it (clipped at the
 * edges). Row prefix sums make each disc row one subtraction, so a radius-5 disc costs 11 reads a
 * pixel and channel.
 */
export function defocus(f: Frame, radius: number): void {
  if (radius < 0.5) return;
  const { data, width, height } = f;
  const r = Math.floor(radius);
  const spans = Array.from({ length: 2 * r + 1 }, (_, k) =>
    Math.floor(Math.sqrt(radius * radius - (k - r) ** 2)),
  );
  const prefix = new Float64Array((width + 1) * height);
  const out = new Float32Array(width * height);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < height; y++) {
      let sum = 0;
      const row = y * (width + 1);
      for (let x = 0; x < width; x++) {
        sum += data[(y * width + x) * 4 + c] ?? 0;
        prefix[row + x + 1] = sum;
      }
    }
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let n = 0;
        for (let k = 0; k <= 2 * r; k++) {
          const yy = y + k - r;
          if (yy < 0 || yy >= height) continue;
          const w = spans[k] ?? 0;
          const x0 = Math.max(0, x - w);
          const x1 = Math.min(width - 1, x + w);
          sum += (prefix[yy * (width + 1) + x1 + 1] ?? 0) - (prefix[yy * (width + 1) + x0] ?? 0);
          n += x1 - x0 + 1;
        }
        out[y * width + x] = sum / n;
      }
    }
    for (let p = 0; p < width * height; p++) data[p * 4 + c] = out[p] ?? 0;
  }
}

/**
 * Motion blur: the mean of `length` px of a straight line through each pixel at `angle` radians,
 * sampled every pixel with bilinear interpolation (the camera moved during the exposure).
 */
export function motionBlur(f: Frame, length: number, angle: number): void {
  if (length < 1) return;
  const { data, width, height } = f;
  const src = Float32Array.from(data);
  const steps = Math.max(2, Math.round(length) + 1);
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const at = (x: number, y: number, c: number): number => {
    const cx = Math.min(width - 1, Math.max(0, x));
    const cy = Math.min(height - 1, Math.max(0, y));
    const x0 = Math.floor(cx);
    const y0 = Math.floor(cy);
    const x1 = Math.min(width - 1, x0 + 1);
    const y1 = Math.min(height - 1, y0 + 1);
    const fx = cx - x0;
    const fy = cy - y0;
    const v = (xx: number, yy: number) => src[(yy * width + xx) * 4 + c] ?? 0;
    return (v(x0, y0) * (1 - fx) + v(x1, y0) * fx) * (1 - fy) + (v(x0, y1) * (1 - fx) + v(x1, y1) * fx) * fy;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let s = 0; s < steps; s++) {
          const t = (s / (steps - 1) - 0.5) * length;
          sum += at(x + t * dx, y + t * dy, c);
        }
        data[(y * width + x) * 4 + c] = sum / steps;
      }
    }
  }
}

/**
 * Glare: a specular highlight (a lamp reflected in glossy paper or a phone's glass) centred at
 * (cx, cy), `radius` px across its brightest part, pushing pixels towards white by up to `strength`
 * (1 = fully white at the centre).
 */
export function glare(f: Frame, cx: number, cy: number, radius: number, strength: number): void {
  const { data, width, height } = f;
  const reach = radius * 3;
  for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(height, cy + reach); y++) {
    for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(width, cx + reach); x++) {
      const d2 = ((x - cx) ** 2 + (y - cy) ** 2) / (radius * radius);
      const a = strength * Math.exp(-d2 / 2);
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = (data[i + c] ?? 0) + (255 - (data[i + c] ?? 0)) * a;
    }
  }
}
