/**
 * Draws the Teams app icons (committed in appPackage/; re-run after changing the design):
 * - color.png 192×192: a ring of six schools around a meeting point, white on the accent colour;
 * - outline.png 32×32: the same mark in white on a transparent background, as Teams requires.
 *
 * Usage: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const ACCENT = { r: 0x0f, g: 0x6e, b: 0x6e };
const SUPERSAMPLE = 4;

interface Circle {
  x: number;
  y: number;
  r: number;
}

/** The mark in a unit square: six schools on a ring, one meeting point in the middle. */
function mark(): Circle[] {
  const schools = Array.from({ length: 6 }, (_, i) => {
    const angle = (Math.PI * 2 * i) / 6 - Math.PI / 2;
    return { x: 0.5 + 0.3 * Math.cos(angle), y: 0.5 + 0.3 * Math.sin(angle), r: 0.095 };
  });
  return [...schools, { x: 0.5, y: 0.5, r: 0.13 }];
}

/** Fraction (0..1) of the pixel covered by the mark, by supersampling. */
function coverage(px: number, py: number, size: number, circles: Circle[], inset: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const u = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const v = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      // Map into the inner area so the mark keeps Teams' safe margin.
      const x = (u - inset) / (1 - 2 * inset);
      const y = (v - inset) / (1 - 2 * inset);
      if (circles.some((c) => (x - c.x) ** 2 + (y - c.y) ** 2 <= c.r ** 2)) hits++;
    }
  }
  return hits / SUPERSAMPLE ** 2;
}

function draw(size: number, inset: number, background: typeof ACCENT | undefined): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const circles = mark();
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const a = coverage(x, y, size, circles, inset);
      if (background) {
        png.data[i] = Math.round(background.r + (255 - background.r) * a);
        png.data[i + 1] = Math.round(background.g + (255 - background.g) * a);
        png.data[i + 2] = Math.round(background.b + (255 - background.b) * a);
        png.data[i + 3] = 255;
      } else {
        png.data[i] = 255;
        png.data[i + 1] = 255;
        png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * a);
      }
    }
  }
  return png;
}

const out = join(__dirname, '..', 'appPackage');
writeFileSync(join(out, 'color.png'), PNG.sync.write(draw(192, 0.19, ACCENT)));
writeFileSync(join(out, 'outline.png'), PNG.sync.write(draw(32, 0.02, undefined)));
console.log('Wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32).');
