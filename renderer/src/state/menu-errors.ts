// The host's reason for refusing a menu, in the owner's words: "categories.0.items.2.price: Too
// small…" becomes «Hamburguesas» › «Hamburguesa vegana»: precio no puede ser negativo. Pure.
import type { OwnerStrings } from '../../../shared/i18n-owner.ts';
import type { Menu } from '../../../shared/menu.ts';

function problemWords(message: string, o: OwnerStrings): string {
  if (/expected string to have >=1|too_small.*string|String must contain at least 1/i.test(message)) return o.problemEmpty;
  if (/expected number to be >=0|greater than or equal to 0/i.test(message)) return o.problemNegative;
  if (/expected number, received/i.test(message)) return o.problemNotNumber;
  if (/too big: expected string/i.test(message)) return o.problemTooLong;
  if (/at least one payment/i.test(message)) return o.paymentsHint;
  return message;
}

/** Each "path: message" of the reason with the path named as the owner sees the menu. */
export function describeMenuProblem(reason: string, menu: Menu, o: OwnerStrings): string {
  return reason
    .split(/;\s+/)
    .map((part) => {
      const match = /^categories\.(\d+)(?:\.items\.(\d+))?(?:\.([a-zA-Z]+))?(?:\.[\w.]*)?:\s*(.*)$/s.exec(part);
      if (!match) {
        // A term of the restaurant ("payments: …", "delivery.fee: …"): its label on the screen.
        const term = /^(restaurant|currency|timezone|hours|closedDates|payments|pickup|delivery)(?:\.[\w.]*)?:\s*(.*)$/s.exec(part);
        if (!term) return part;
        const labels: Record<string, string> = { restaurant: o.restaurantName, currency: o.currency, timezone: o.timezone, hours: o.hours, closedDates: o.closedDates, payments: o.payments, pickup: o.pickup, delivery: o.delivery };
        return `${labels[term[1]!]}: ${problemWords(term[2]!, o)}`;
      }
      const ci = Number(match[1]);
      const category = menu.categories[ci];
      const where = [o.pathCategory(ci + 1, category?.name.trim() ?? '')];
      if (match[2] !== undefined) {
        const ii = Number(match[2]);
        where.push(o.pathDish(ii + 1, category?.items[ii]?.name.trim() ?? ''));
      }
      const field = match[3] ? ` (${o.fieldNames[match[3]] ?? match[3]})` : '';
      return `${where.join(' › ')}${field}: ${problemWords(match[4]!, o)}`;
    })
    .join('; ');
}
