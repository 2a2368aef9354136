#!/usr/bin/env node
/**
 * Draws the Teams app icons (appPackage/color.png 192x192, outline.png 32x32) from shapes, so they can be
 * re-made or re-coloured without an image editor: a rounded green tile with a white "P", and the "P" alone
 * in white on transparent for the outline icon. Usage: node scripts/generate-icons.mjs [#rrggbb]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodePng } from './lib/binary.mjs';

const out = resolve(import.meta.dirname, '..', 'appPackage');
const tile = (process.argv[2] ?? '#00811F').replace('#', '');
const tileRgb = [0, 2, 4].map((i) => parseInt(tile.slice(i, i + 2), 16));

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};

/** The letter P in a unit box: a stem plus a bowl (a D shape with a D-shaped hole). */
const inP = (x, y) => {
  const stem = x >= 0.0 && x <= 0.3 && y >= 0 && y <= 1;
  const bowlOuter =
    (x >= 0 && x <= 0.45 && y >= 0 && y <= 0.62) ||
    (x > 0.45 && (x - 0.45) ** 2 + (y - 0.31) ** 2 <= 0.31 ** 2);
  const bowlHole =
    (x >= 0.3 && x <= 0.45 && y >= 0.16 && y <= 0.46) ||
    (x > 0.45 && (x - 0.45) ** 2 + (y - 0.31) ** 2 <= 0.15 ** 2);
  return stem || (bowlOuter && !bowlHole);
};

/** Supersampled coverage (4x4 per pixel) of a shape given in unit coordinates of the whole icon. */
function draw(size, layers) {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { rgb, inside } of layers) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++)
          for (let sx = 0; sx < n; sx++)
            if (inside((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
        const cov = hits / (n * n);
        // "over" compositing with straight alpha
        const outA = cov + a * (1 - cov);
        if (outA > 0) {
          r = (rgb[0] * cov + r * a * (1 - cov)) / outA;
          g = (rgb[1] * cov + g * a * (1 - cov)) / outA;
          b = (rgb[2] * cov + b * a * (1 - cov)) / outA;
        }
        a = outA;
      }
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return rgba;
}

const letter = (x0, y0, h) => (x, y) => inP((x - x0) / (h * 0.76), (y - y0) / h);
const white = [255, 255, 255];

const color = draw(192, [
  { rgb: tileRgb, inside: (x, y) => inRoundRect(x, y, 0, 0, 1, 1, 0.2) },
  { rgb: white, inside: letter(0.33, 0.22, 0.56) },
]);
writeFileSync(resolve(out, 'color.png'), encodePng(192, 192, color));

const outline = draw(32, [{ rgb: white, inside: letter(0.27, 0.09, 0.82) }]);
writeFileSync(resolve(out, 'outline.png'), encodePng(32, 32, outline));
console.log(`wrote ${out}/color.png (192x192) and outline.png (32x32)`);
