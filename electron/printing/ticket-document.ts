// The neutral ticket: what a ticket says, block by block, with no printer language in it. The
// ESC/POS encoder and the HTML renderer (PC printers, screenshots) both draw from this, so the two
// kinds of printer print the same thing. Stored as JSON in the print queue.

export type TicketAlign = 'left' | 'center' | 'right';
export type TicketSize = 'normal' | 'large' | 'huge';

export type TicketBlock =
  /** A paragraph; wraps at the paper's width, never cut off. `highlight` prints white on black. */
  | { type: 'text'; text: string; size?: TicketSize; bold?: boolean; align?: TicketAlign; highlight?: boolean }
  /** A line with an amount on the right (receipts); the left side wraps, the right stays whole. */
  | { type: 'row'; left: string; right: string; bold?: boolean; size?: TicketSize }
  | { type: 'rule' }
  | { type: 'gap' };

export interface TicketDocument {
  kind: 'kitchen' | 'receipt' | 'test' | 'report';
  /** A short name for logs and the HTML page title (no customer data). */
  title: string;
  blocks: TicketBlock[];
}
