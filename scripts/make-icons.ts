// Draws the app and tray icons as PNG files with node:zlib only (no native image library), so they
// are reproducible byte for byte: `node scripts/make-icons.ts` rewrites build/icon.png,
// build/icons/*.png. The four tray states differ in SHAPE, not only colour, because macOS template
// images are one colour: connected = solid disc, connecting = open ring, needs linking = QR
// corners, offline = a cross.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** A layer covers the points (in 0..1 icon space) for which `inside` is true. Later layers are on top. */
interface Layer {
  color: Rgba;
  inside: (x: number, y: number) => boolean;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** RGBA 8-bit, non-interlaced, filter 0 on every row; fixed zlib level keeps output stable. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rasterises layers with supersampling (antialiased edges), straight (non-premultiplied) alpha out. */
export function render(size: number, layers: Layer[], samples = 4): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          for (let i = layers.length - 1; i >= 0; i--) {
            const layer = layers[i]!;
            if (layer.inside(x, y)) {
              const alpha = layer.color[3] / 255;
              r += layer.color[0] * alpha;
              g += layer.color[1] * alpha;
              b += layer.color[2] * alpha;
              a += alpha;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

const dist = (x: number, y: number, cx: number, cy: number) => Math.hypot(x - cx, y - cy);
const rect = (x0: number, y0: number, x1: number, y1: number) => (x: number, y: number) => x >= x0 && x < x1 && y >= y0 && y < y1;
const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return dist(x, y, cx, cy) <= r;
};
/** Distance from a point to the segment a–b. */
const segment = (ax: number, ay: number, bx: number, by: number, half: number) => (x: number, y: number) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return dist(x, y, ax + t * dx, ay + t * dy) <= half;
};

export const TRAY_KINDS = ['connected', 'connecting', 'needs-link', 'offline'] as const;
export type TrayKind = (typeof TRAY_KINDS)[number];

/** The silhouette of each state, in 0..1 space (the colour is applied separately). */
export const TRAY_SHAPES: Record<TrayKind, (x: number, y: number) => boolean> = {
  // A solid disc: all is well.
  connected: (x, y) => dist(x, y, 0.5, 0.5) <= 0.4,
  // An open ring (a quarter missing at the top right): working on it.
  connecting: (x, y) => {
    const d = dist(x, y, 0.5, 0.5);
    if (d < 0.26 || d > 0.42) return false;
    return !(x > 0.5 && y < 0.5);
  },
  // Three QR finder squares: scan a code.
  'needs-link': (x, y) => {
    const finder = (x0: number, y0: number) => rect(x0, y0, x0 + 0.38, y0 + 0.38)(x, y) && !rect(x0 + 0.1, y0 + 0.1, x0 + 0.28, y0 + 0.28)(x, y);
    const dot = rect(0.62, 0.62, 0.88, 0.88)(x, y);
    return finder(0.08, 0.08) || finder(0.54, 0.08) || finder(0.08, 0.54) || dot;
  },
  // A cross: not connected.
  offline: (x, y) => segment(0.18, 0.18, 0.82, 0.82, 0.11)(x, y) || segment(0.82, 0.18, 0.18, 0.82, 0.11)(x, y),
};

const TRAY_COLOURS: Record<TrayKind, Rgba> = {
  connected: [34, 197, 94, 255],
  connecting: [245, 158, 11, 255],
  'needs-link': [59, 130, 246, 255],
  offline: [239, 68, 68, 255],
};

function appIconLayers(): Layer[] {
  const ticket = roundRect(0.28, 0.2, 0.72, 0.8, 0.03);
  const lines = [0.34, 0.44, 0.54].map((y, i) => rect(0.35, y, i === 2 ? 0.55 : 0.65, y + 0.045));
  return [
    { color: [249, 115, 22, 255], inside: roundRect(0.06, 0.06, 0.94, 0.94, 0.2) },
    { color: [255, 255, 255, 255], inside: ticket },
    { color: [11, 13, 16, 255], inside: (x, y) => lines.some((line) => line(x, y)) },
    { color: [34, 197, 94, 255], inside: (x, y) => dist(x, y, 0.62, 0.7) <= 0.07 },
  ];
}

export function makeIcons(buildDir: string): string[] {
  const written: string[] = [];
  const write = (path: string, size: number, layers: Layer[]) => {
    writeFileSync(path, encodePng(size, size, render(size, layers, size >= 256 ? 3 : 8)));
    written.push(path);
  };
  const icons = join(buildDir, 'icons');
  mkdirSync(icons, { recursive: true });
  for (const kind of TRAY_KINDS) {
    const shape = TRAY_SHAPES[kind];
    for (const [suffix, size] of [['', 16], ['@2x', 32]] as const) {
      write(join(icons, `tray-${kind}${suffix}.png`), size, [{ color: TRAY_COLOURS[kind], inside: shape }]);
      // macOS menu bar: black + alpha, tinted by the system.
      write(join(icons, `tray-${kind}Template${suffix}.png`), size, [{ color: [0, 0, 0, 255], inside: shape }]);
    }
  }
  // electron-builder makes .icns and .ico from build/icon.png (≥ 512; 1024 for Retina); Linux
  // takes the sized files in build/icons.
  write(join(buildDir, 'icon.png'), 1024, appIconLayers());
  for (const size of [512, 256]) write(join(icons, `${size}x${size}.png`), size, appIconLayers());
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const path of makeIcons(join(root, 'build'))) console.log(path);
}
