// The day's close ("Cierre del día"): GET /api/reports/day. Pure data and the date check.
import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD (2026-13-45 and 2026-02-30 are refused). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const dayReportDateSchema = z.string().refine(isCalendarDate, 'date must be a real day written YYYY-MM-DD, for example 2026-03-15');

export interface DayReportMoney {
  orders: number;
  amount: number;
}

export interface DayReportItem {
  itemId: string;
  /** The dish, with its chosen options in brackets when it had any ("Pizza (Grande, Extra queso)"). */
  name: string;
  /** Option choice names, when the line had options (the group key of the line). */
  options?: string[];
  quantity: number;
  amount: number;
}

export interface DayReportDropped {
  id: string;
  number: number;
  customer: string;
  total: number;
  reason: string;
  /** ISO time it was cancelled or rejected. */
  at: string;
  by: string;
}

export interface DayReportHour {
  /** Local hour 0-23. */
  hour: number;
  orders: number;
  amount: number;
}

export interface DayReport {
  date: string;
  timezone: string;
  currency: string;
  /** Orders placed that day, not cancelled or rejected. */
  orders: number;
  /** Their totals, delivery fees included. */
  revenue: number;
  deliveryFees: number;
  byPayment: Record<string, DayReportMoney>;
  byFulfilment: { pickup: DayReportMoney; delivery: DayReportMoney };
  /** Most sold first. */
  items: DayReportItem[];
  cancelled: DayReportDropped[];
  rejected: DayReportDropped[];
  /** Minutes from accepted to ready; null when no order got there that day. */
  prepMinutes: { average: number | null; p90: number | null; count: number };
  /** 24 entries, by the hour the order was placed (local time). */
  byHour: DayReportHour[];
  generatedAt: string;
}
