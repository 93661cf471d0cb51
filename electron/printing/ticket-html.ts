// The neutral ticket as a self-contained HTML page, for the PC's own printers (printed silently by
// the desktop app) and for looking at a ticket in a browser. The page is as wide as the paper, long
// words wrap, nothing is cut off; notes print white on black as on the ESC/POS printers.
import type { TicketBlock, TicketDocument } from './ticket-document.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SIZE_CLASS = { normal: '', large: ' large', huge: ' huge' } as const;

function blockHtml(block: TicketBlock): string {
  switch (block.type) {
    case 'text': {
      const classes = `t${SIZE_CLASS[block.size ?? 'normal']}${block.bold ? ' b' : ''}${block.highlight ? ' hl' : ''} ${block.align ?? 'left'}`;
      return `<p class="${classes}">${escape(block.text).replace(/\n/g, '<br>')}</p>`;
    }
    case 'row':
      return `<div class="row${SIZE_CLASS[block.size ?? 'normal']}${block.bold ? ' b' : ''}"><span class="l">${escape(block.left)}</span><span class="r">${escape(block.right)}</span></div>`;
    case 'rule':
      return '<hr>';
    case 'gap':
      return '<div class="gap"></div>';
  }
}

/** `widthMm`: the paper (58 or 80 mm); the printable area is a little narrower. */
export function ticketHtml(doc: TicketDocument, widthMm: 58 | 80): string {
  const printable = widthMm === 58 ? 48 : 72;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escape(doc.title)}</title>
<style>
  @page { size: ${widthMm}mm auto; margin: 0; }
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; background: #fff; color: #000; }
  body { width: ${printable}mm; margin: 0 auto; padding: 2mm 0 6mm; font: ${widthMm === 58 ? 11 : 13}px/1.3 "DejaVu Sans Mono", "Consolas", "Courier New", monospace; }
  p { margin: 0 0 1mm; overflow-wrap: anywhere; white-space: pre-wrap; }
  .large { font-size: 1.6em; line-height: 1.2; }
  .huge { font-size: 3.2em; line-height: 1.1; }
  .b { font-weight: bold; }
  .hl { background: #000; color: #fff; padding: 0.5mm 1mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .left { text-align: left; } .center { text-align: center; } .right { text-align: right; }
  .row { display: flex; gap: 2mm; margin: 0 0 1mm; }
  .row .l { flex: 1; overflow-wrap: anywhere; }
  .row .r { white-space: nowrap; text-align: right; }
  hr { border: 0; border-top: 1px dashed #000; margin: 1.5mm 0; }
  .gap { height: 3mm; }
</style></head>
<body class="ticket ${doc.kind}">
${doc.blocks.map(blockHtml).join('\n')}
</body></html>`;
}
