// Draws the extension icon (images/icon.png, 128×128, referenced by package.json "icon") with no
// dependency: shapes are tested per pixel on a 4× supersampled grid and written as an RGBA PNG.
// Run `node scripts/package-icon.mjs` after changing the drawing; the PNG is checked in.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const BACKGROUND = [14, 59, 94];
const CONTAINER = [236, 242, 247];
const CHECK_DISC = [46, 184, 114];
const WHITE = [255, 255, 255];

const roundedSquare = (x, y, inset, radius) => {
  const lo = inset + radius;
  const hi = SIZE - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= SIZE - inset && y >= inset && y <= SIZE - inset && dx * dx + dy * dy <= radius * radius;
};
const rect = (x, y, left, top, width, height) => x >= left && x <= left + width && y >= top && y <= top + height;
const disc = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** Distance from a point to a segment, for the stroke of the check mark. */
const nearSegment = (x, y, [ax, ay], [bx, by], halfWidth) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= halfWidth * halfWidth;
};

/** The colour at a point, or undefined for transparent: shapes later in the list are on top. */
function colourAt(x, y) {
  let colour;
  if (roundedSquare(x, y, 4, 22)) colour = BACKGROUND;
  // A stack of three shipping containers, each with ribs.
  const boxes = [
    [18, 70, 44, 22],
    [66, 70, 44, 22],
    [30, 44, 44, 22],
  ];
  for (const [left, top, width, height] of boxes) {
    if (rect(x, y, left, top, width, height)) colour = CONTAINER;
    for (let rib = left + 8; rib < left + width - 4; rib += 9)
      if (rect(x, y, rib, top + 5, 3, height - 10)) colour = BACKGROUND;
  }
  // The waterline.
  if (rect(x, y, 14, 96, 100, 5) && roundedSquare(x, y, 4, 22)) colour = CONTAINER;
  // "Shipshape": a green check in a disc, top right.
  if (disc(x, y, 94, 32, 20)) colour = CHECK_DISC;
  if (nearSegment(x, y, [84, 32], [91, 40], 3.2) || nearSegment(x, y, [91, 40], [105, 24], 3.2)) colour = WHITE;
  return colour;
}

function render() {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
          sum[3] += 1;
        }
      }
      const offset = (py * SIZE + px) * 4;
      for (let c = 0; c < 3; c++) pixels[offset + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[offset + 3] = Math.round((255 * sum[3]) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

function png(pixels) {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png(render()));
console.log(`wrote ${out}`);
