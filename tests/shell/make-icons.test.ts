import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeIcons, TRAY_KINDS } from '../../scripts/make-icons.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = makeTempDir('comanda-icons-');
afterAll(temp.cleanup);
const written = makeIcons(temp.dir);

/** Width, height and the alpha channel of one of our PNGs (RGBA, filter 0). */
function decode(png: Buffer): { width: number; height: number; alpha: number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const alpha: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) alpha.push(raw[y * (width * 4 + 1) + 1 + x * 4 + 3]!);
  return { width, height, alpha };
}

describe('icons', () => {
  it('are reproducible: the committed files are what the script draws', () => {
    for (const path of written) {
      const committed = join(root, 'build', path.slice(temp.dir.length + 1));
      expect(readFileSync(committed).equals(readFileSync(path)), committed).toBe(true);
    }
  });

  it('have the sizes each platform needs', () => {
    expect(decode(readFileSync(join(temp.dir, 'icon.png')))).toMatchObject({ width: 1024, height: 1024 });
    expect(decode(readFileSync(join(temp.dir, 'icons', '256x256.png')))).toMatchObject({ width: 256, height: 256 });
    expect(decode(readFileSync(join(temp.dir, 'icons', 'tray-offline.png')))).toMatchObject({ width: 16, height: 16 });
    expect(decode(readFileSync(join(temp.dir, 'icons', 'tray-offlineTemplate@2x.png')))).toMatchObject({ width: 32, height: 32 });
  });

  it('give each tray state its own shape, visible in a one-colour template image', () => {
    const masks = TRAY_KINDS.map((kind) => decode(readFileSync(join(temp.dir, 'icons', `tray-${kind}Template@2x.png`))).alpha.map((a) => (a > 127 ? 1 : 0)));
    for (let i = 0; i < masks.length; i++) {
      for (let j = i + 1; j < masks.length; j++) {
        const differing = masks[i]!.reduce((n: number, bit, k) => n + (bit !== masks[j]![k] ? 1 : 0), 0);
        // At least a tenth of the 32×32 pixels differ between any two states.
        expect(differing, `${TRAY_KINDS[i]} vs ${TRAY_KINDS[j]}`).toBeGreaterThan(102);
      }
    }
  });
});
