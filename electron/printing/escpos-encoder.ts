// The neutral ticket in ESC/POS, through @point-of-sale/receipt-printer-encoder: code page CP858
// (Western European with €) for accents, ñ and the euro sign, word wrapping at the paper's width,
// a cut at the end, an optional beep and cash-drawer kick.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrinterConfig } from '../../shared/settings.ts';
import type { TicketBlock, TicketDocument, TicketSize } from './ticket-document.ts';

/** Characters per line in the printers' standard font A. */
export function columnsFor(width: 58 | 80): number {
  return width === 58 ? 32 : 48;
}

const SIZE: Record<TicketSize, [number, number]> = { normal: [1, 1], large: [2, 2], huge: [4, 4] };

/**
 * The buzzer command most ESC/POS kitchen printers take (ESC B n t: n beeps of t × 50 ms). The
 * encoder has no beep of its own, so these four bytes are written raw.
 */
const BEEP = [0x1b, 0x42, 3, 3];

export type EscPosOptions = Pick<PrinterConfig, 'width' | 'copies' | 'beep' | 'openDrawer'>;

export function encodeEscPos(doc: TicketDocument, printer: EscPosOptions): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: columnsFor(printer.width),
    // Epson's numbering of code pages, which Xprinter, Bixolon and most clones share (CP858 = 19).
    codepageMapping: 'epson',
    feedBeforeCut: 4,
    newline: '\n',
  });
  encoder.initialize().codepage('cp858');
  for (let copy = 0; copy < Math.max(1, printer.copies); copy++) {
    for (const block of doc.blocks) drawBlock(encoder, block);
    encoder.cut('partial');
  }
  if (printer.beep) encoder.raw(BEEP);
  if (printer.openDrawer) encoder.pulse();
  return encoder.encode();
}

function drawBlock(encoder: ReceiptPrinterEncoder, block: TicketBlock): void {
  switch (block.type) {
    case 'text': {
      const [w, h] = SIZE[block.size ?? 'normal'];
      encoder.align(block.align ?? 'left').size(w, h).bold(block.bold ?? false).invert(block.highlight ?? false);
      for (const paragraph of block.text.split('\n')) encoder.line(breakLongWords(paragraph, Math.floor(encoder.columns / w)));
      encoder.invert(false).bold(false).size(1, 1).align('left');
      return;
    }
    case 'row': {
      const [w, h] = SIZE[block.size ?? 'normal'];
      const columns = Math.floor(encoder.columns / w);
      const right = block.right.length;
      encoder.size(w, h).bold(block.bold ?? false);
      encoder.table(
        [
          { width: Math.max(4, columns - right - 1), overflow: 'wrap', marginRight: 1 },
          { width: right, align: 'right' },
        ],
        [[breakLongWords(block.left, columns - right - 1), block.right]],
      );
      encoder.bold(false).size(1, 1);
      return;
    }
    case 'rule':
      // Dashes rather than box drawing: the encoder would switch to CP437 for "─" and back.
      encoder.line('-'.repeat(encoder.columns));
      return;
    case 'gap':
      encoder.newline();
      return;
  }
}

/**
 * The encoder wraps at spaces; a single word longer than the line (a pasted link, "aaaa…") would be
 * cut, so it is split into line-sized pieces first.
 */
export function breakLongWords(text: string, columns: number): string {
  if (columns < 2) return text;
  return text
    .split(' ')
    .map((word) => {
      if (word.length <= columns) return word;
      const pieces: string[] = [];
      for (let i = 0; i < word.length; i += columns) pieces.push(word.slice(i, i + columns));
      return pieces.join(' ');
    })
    .join(' ');
}
