// A QR payload as one SVG path of its dark modules. Pure; drawn by QrCode.tsx.
import qrcode from 'qrcode-generator';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Dark modules as horizontal runs: "M x y h n v1 h -n z" per run, in module units. */
  path: string;
}

/** The quiet zone the QR standard asks for around the code, in modules. */
export const QR_QUIET_ZONE = 4;

/**
 * Encodes the payload (byte mode, the smallest version that fits, error correction L as WhatsApp's
 * own page uses). Returns null when the payload is too long for any QR version.
 */
export function qrMatrix(payload: string): QrMatrix | null {
  const code = qrcode(0, 'L');
  try {
    code.addData(payload, 'Byte');
    code.make();
  } catch {
    return null;
  }
  const size = code.getModuleCount();
  const runs: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!code.isDark(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && code.isDark(y, x)) x++;
      runs.push(`M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  }
  return { size, path: runs.join('') };
}
