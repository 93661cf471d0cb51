// Text helpers shared by the bot (matching) and the KDS (search). Pure.
import { graphemeSegmenter } from './intl-cache.ts';

/** Lowercase, accents folded (á→a, ñ→n, ü→u), so "Clásica" matches "clasica". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Cuts text to at most `max` characters without splitting a surrogate pair or a combined
 * emoji in half, and drops control characters other than newline and tab.
 */
export function cutText(text: string, max: number): { text: string; truncated: boolean } {
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  if (clean.length <= max) return { text: clean, truncated: false };
  let out = '';
  for (const { segment } of graphemeSegmenter().segment(clean)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return { text: out, truncated: true };
}

/** Digits only: "+34 600 111 222", "34600111222@c.us" → "34600111222". */
export function phoneDigits(raw: string): string {
  const user = raw.split('@')[0] ?? raw;
  return user.replace(/\D+/g, '');
}
