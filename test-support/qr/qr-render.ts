import { create as createQr, type QRCodeErrorCorrectionLevel } from 'qrcode';
import type { Frame, QrPoint } from '../../qr-decoder/types';
import { createFrame, type Rgb } from './raster';

/** The dark/light module grid of one QR symbol (no quiet zone). */
export interface QrModules {
  size: number;
  dark(row: number, col: number): boolean;
}

/** Encodes text as QR modules with the `qrcode` package (byte mode, as phones and sites do). */
export function qrModules(text: string, ecLevel: QRCodeErrorCorrectionLevel = 'M'): QrModules {
  const { modules } = createQr(text, { errorCorrectionLevel: ecLevel });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/** Corners of the symbol including its quiet zone, clockwise from top-left. */
export type Quad = readonly [QrPoint, QrPoint, QrPoint, QrPoint];

/** An axis-aligned square quad, optionally rotated by `angle` radians about its centre. */
export function squareQuad(cx: number, cy: number, side: number, angle = 0): Quad {
  const h = side / 2;
  const corner = (dx: number, dy: number): QrPoint => ({
    x: cx + dx * Math.cos(angle) - dy * Math.sin(angle),
    y: cy + dx * Math.sin(angle) + dy * Math.cos(angle),
  });
  return [corner(-h, -h), corner(h, -h), corner(h, h), corner(-h, h)];
}

/**
 * Draws the symbol (with `quiet` modules of margin) onto the quad by inverse perspective mapping,
 * averaging `samples`² sub-pixel samples per pixel so edges blend as a camera or a scaled screen
 * blends them. `samples` 1 with an axis-aligned integer quad gives a crisp screenshot.
 */
export function drawQr(
  f: Frame,
  m: QrModules,
  quad: Quad,
  opts: { dark: Rgb; light: Rgb; quiet?: number; samples?: number },
): void {
  const quiet = opts.quiet ?? 4;
  const samples = opts.samples ?? 3;
  const total = m.size + 2 * quiet;
  const toUnit = invert3(squareToQuad(quad));
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(f.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(f.height - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let inside = 0;
      let darkCount = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [u, v] = apply(toUnit, x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
          if (u < 0 || u >= 1 || v < 0 || v >= 1) continue;
          inside++;
          const col = Math.floor(u * total) - quiet;
          const row = Math.floor(v * total) - quiet;
          if (row >= 0 && col >= 0 && row < m.size && col < m.size && m.dark(row, col)) darkCount++;
        }
      }
      if (inside === 0) continue;
      const i = (y * f.width + x) * 4;
      const cover = inside / (samples * samples);
      const t = darkCount / inside;
      for (let c = 0; c < 3; c++) {
        const ink = (opts.dark[c] ?? 0) * t + (opts.light[c] ?? 0) * (1 - t);
        f.data[i + c] = (f.data[i + c] ?? 0) * (1 - cover) + ink * cover;
      }
    }
  }
}

type Mat3 = [number, number, number, number, number, number, number, number, number];

/** The homography taking the unit square to `q`. @see P. Heckbert, "Fundamentals of Texture Mapping" §2.2.3 */
function squareToQuad(q: Quad): Mat3 {
  const [p0, p1, p2, p3] = q;
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return [
    p1.x - p0.x + g * p1.x,
    p3.x - p0.x + h * p3.x,
    p0.x,
    p1.y - p0.y + g * p1.y,
    p3.y - p0.y + h * p3.y,
    p0.y,
    g,
    h,
    1,
  ];
}

function invert3(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

function apply(m: Mat3, x: number, y: number): [number, number] {
  const w = m[6] * x + m[7] * y + m[8];
  return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}

/** A white frame with each text as a crisp 400 px code, side by side. */
export function codesSideBySide(...texts: string[]): Frame {
  const frame = createFrame(420 * texts.length, 420, [255, 255, 255]);
  texts.forEach((text, i) => {
    drawQr(frame, qrModules(text), squareQuad(210 + 420 * i, 210, 400), {
      dark: [0, 0, 0],
      light: [255, 255, 255],
      samples: 2,
    });
  });
  return frame;
}
