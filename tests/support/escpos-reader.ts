// A small ESC/POS reader for tests: turns the bytes a printer received back into lines of text
// (decoded from the code page the bytes selected) and the commands that matter (code page, cut,
// beep, drawer, status requests). Unknown commands throw, so a test notices bytes it cannot read.
import CodepageEncoder from '@point-of-sale/codepage-encoder';

export interface EscPosReading {
  /** Text lines as printed (style commands removed), in order. */
  lines: string[];
  /** ESC t n values, in order. */
  codepages: number[];
  cuts: number;
  beeps: number;
  drawerPulses: number;
  statusRequests: number;
  /** Bold / invert / size switches seen: enough to tell a highlighted note from plain text. */
  inverted: string[];
}

const EPSON_CP858 = 19;
const cp858 = CodepageEncoder.getCodepoints('cp858', true);

function decode(byte: number, codepage: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  if (codepage !== EPSON_CP858) return '\ufffd';
  const point = cp858[byte];
  return point === undefined ? '\ufffd' : String.fromCodePoint(point);
}

export function readEscPos(data: Uint8Array): EscPosReading {
  const out: EscPosReading = { lines: [], codepages: [], cuts: 0, beeps: 0, drawerPulses: 0, statusRequests: 0, inverted: [] };
  let codepage = 0;
  let line = '';
  let invert = false;
  let invertedText = '';
  const endLine = () => {
    out.lines.push(line);
    line = '';
  };
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    const at = (n: number) => {
      const v = data[i + n];
      if (v === undefined) throw new Error(`command at byte ${i} is cut short`);
      return v;
    };
    if (b === 0x0a) {
      endLine();
      continue;
    }
    if (b === 0x0d) continue;
    if (b === 0x10) {
      if (at(1) !== 0x04) throw new Error(`unknown DLE command 0x${at(1).toString(16)} at ${i}`);
      out.statusRequests++;
      i += 2;
      continue;
    }
    if (b === 0x1b) {
      const c = at(1);
      switch (c) {
        case 0x40: // ESC @ initialize
          i += 1;
          break;
        case 0x74: // ESC t n code page
          codepage = at(2);
          out.codepages.push(codepage);
          i += 2;
          break;
        case 0x4d: // ESC M n font
        case 0x45: // ESC E n bold
        case 0x61: // ESC a n align
        case 0x2d: // ESC - n underline
        case 0x64: // ESC d n feed lines
        case 0x21: // ESC ! n print mode
        case 0x33: // ESC 3 n line spacing
        case 0x34: // ESC 4 n italic
        case 0x47: // ESC G n double strike
          i += 2;
          break;
        case 0x32: // ESC 2 default line spacing
          i += 1;
          break;
        case 0x42: // ESC B n t beep
          out.beeps++;
          i += 3;
          break;
        case 0x70: // ESC p m t1 t2 drawer pulse
          out.drawerPulses++;
          i += 4;
          break;
        default:
          throw new Error(`unknown ESC command 0x${c.toString(16)} at ${i}`);
      }
      continue;
    }
    if (b === 0x1d) {
      const c = at(1);
      switch (c) {
        case 0x21: // GS ! n size
          i += 2;
          break;
        case 0x42: // GS B n invert
          invert = at(2) === 1;
          if (!invert && invertedText) {
            out.inverted.push(invertedText);
            invertedText = '';
          }
          i += 2;
          break;
        case 0x56: {
          // GS V m [n] cut
          const m = at(2);
          out.cuts++;
          i += m === 65 || m === 66 ? 3 : 2;
          break;
        }
        default:
          throw new Error(`unknown GS command 0x${c.toString(16)} at ${i}`);
      }
      continue;
    }
    if (b === 0x1c) {
      // FS . cancel Kanji mode
      if (at(1) !== 0x2e) throw new Error(`unknown FS command at ${i}`);
      i += 1;
      continue;
    }
    if (b < 0x20) throw new Error(`unexpected control byte 0x${b.toString(16)} at ${i}`);
    const ch = decode(b, codepage);
    line += ch;
    if (invert) invertedText += ch;
  }
  if (line) endLine();
  return out;
}

/** The printed text as one string with the line wrapping undone (for "nothing was cut off" checks). */
export function joinedText(reading: EscPosReading): string {
  return reading.lines.map((l) => l.trim()).filter(Boolean).join(' ').replace(/\s+/g, ' ');
}
