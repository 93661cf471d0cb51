// The "which one?" / "did you mean?" step: an open question about a dish is answered by its number,
// its name, "sí"/"no" or "ninguna"; anything else the customer moves on to (another dish, a slot)
// closes it without trapping them.
import type { Intents } from '../../understanding/intents.ts';
import type { Mention } from '../../understanding/mentions.ts';
import { cleanName, looksLikeAddress } from '../../understanding/intents.ts';
import type { PendingQuestion } from '../state.ts';
import { setName, type Reading, type Turn } from '../turn.ts';
import { choiceAnswer } from '../../understanding/dish-options.ts';
import { addWithOptions, applyMention } from './cart.ts';


/** An open question about a dish, answered or left behind. */
export function answerWhichOne(turn: Turn, r: Reading): void {
  const { state, t, notices } = turn;
  const { it, scan, mentions, pending } = r;
  if (pending?.kind === 'option') {
    answerOption(turn, r, pending);
    return;
  }
  if (pending) {
    let chosen: string | null = null;
    let quantity = pending.quantity;
    let explicit = pending.explicitQuantity;
    let note = pending.note;
    let dropped = false;
    const choice = optionNumber(it);
    if (pending.kind === 'choose' && choice !== null && choice >= 1 && choice <= pending.options.length) {
      chosen = pending.options[choice - 1] ?? null;
      mentions.length = 0;
      // "la tercera", "la 3ª": the whole answer is the choice, nothing is left to look up.
      scan.unknown.length = 0;
      scan.unknownNumbers.length = 0;
    } else if (pending.kind === 'confirm' && it.yes) {
      chosen = pending.options[0] ?? null;
      r.yesUsed = true;
    } else {
      const k = mentions.findIndex((m) => resolvesTo(m, pending) !== null);
      const m = mentions[k];
      if (m) {
        chosen = resolvesTo(m, pending);
        if (m.explicitQuantity) {
          quantity = m.quantity;
          explicit = true;
        }
        if (m.note) note = note ? `${note}, ${m.note}` : m.note;
        mentions.splice(k, 1);
      } else if (it.no || it.none) {
        dropped = true;
        r.yesUsed = true;
        // "ninguna" is the answer, not a dish the menu lacks.
        if (mentions.length === 0) scan.unknown.length = 0;
      }
    }
    // "Irene" while a dish question is open but the name is what comes next: the name.
    const nameNext = !state.name && state.cart.length > 0 && (state.fulfilment === 'pickup' || (state.fulfilment === 'delivery' && !!state.address));
    const bareName = cleanName(it.restOriginal);
    if (!chosen && !dropped && nameNext && !it.name && mentions.length === 0 && scan.unknown.length > 0 && bareName && /^\p{Lu}/u.test(bareName) && bareName.split(/\s+/).length <= 3) {
      setName(turn, bareName);
      r.slotChanged = true;
      scan.unknown.length = 0;
    }
    // The customer moved on (a slot, "nada más", another dish, an address, a name): the question never traps.
    let movedOn =
      !chosen &&
      !dropped &&
      (r.slotChanged || it.done || !!it.fulfilment || !!it.payment || !!it.address || !!it.name || !!it.change || mentions.length > 0 ||
        scan.lastQuantity !== null || scan.repeatLast !== null || scan.removeLast !== null || looksLikeAddress(it.restOriginal));
    // "¿Te refieres a Taco al pastor?" answered with the next step ("paso por ellos", an address, a
    // payment, a name, "nada más"): the only close dish is taken as meant, and the rest is read on.
    const nextStep = !!(it.fulfilment || it.address || it.payment || it.name || it.done || r.slotChanged || looksLikeAddress(it.restOriginal));
    if (movedOn && pending.kind === 'confirm' && pending.options.length === 1 && nextStep && mentions.length === 0) {
      chosen = pending.options[0] ?? null;
      movedOn = false;
    }
    if (chosen) {
      state.pending.shift();
      applyMention(turn, { mode: pending.mode, quantity, explicitQuantity: explicit, oneMore: pending.oneMore, itemId: chosen, candidates: [], note, label: pending.label, byNumber: false, definite: false });
      r.understood = true;
    } else if (dropped) {
      state.pending.shift();
      notices.push(t.droppedItem);
      r.understood = true;
    } else if (movedOn && mentions.some((m) => m.mode === 'set' || m.replacement)) {
      // "mejor una doble": the customer says what they want instead.
      notices.push(t.skippedQuestion(state.pending.slice(0, 1).map((p) => p.label).filter((l) => l.length > 0)));
      state.pending.shift();
      r.understood = true;
    } else if (movedOn) {
      // The rest of the message is read as usual and the question stays open: it is asked again
      // after what the customer said, and nothing they ordered before is dropped unless they say so.
      r.understood = true;
    }
  }
}

/** The answer to a required option ("¿Tamaño para Muzzarella? 1) Chica 2) Grande"). */
function answerOption(turn: Turn, r: Reading, pending: PendingQuestion): void {
  const { state, t, notices, index } = turn;
  const { it, scan, mentions } = r;
  const item = index.byId.get(pending.options[0] ?? '');
  const group = item?.options?.find((g) => g.id === pending.group);
  if (!item || !group) {
    state.pending.shift();
    return;
  }
  const choice = choiceAnswer(group, it.original, optionNumber(it));
  if (choice) {
    state.pending.shift();
    const chosen = [...(pending.chosen ?? []), { groupId: group.id, choiceId: choice.id, name: choice.name, price: choice.price }];
    addWithOptions(turn, item, pending.quantity, pending.note, chosen, pending);
    r.understood = true;
    // The choice's words are no missing dish; a bare number was the choice, not a dish number.
    scan.unknown.length = 0;
    scan.unknownNumbers.length = 0;
    if (mentions.length === 1 && mentions[0]?.byNumber) mentions.length = 0;
  } else if (it.no || it.none) {
    state.pending.shift();
    notices.push(t.droppedItem);
    r.yesUsed = true;
    r.understood = true;
  }
}

/** "2", "el 2", "la segunda", "opción 1": the number of an option in a "which one?" list. */
function optionNumber(it: Intents): number | null {
  const words = it.folded.text.replace(/[^\p{L}\p{N}\s]+/gu, ' ').trim().split(/\s+/).filter((w) => w && !['el', 'la', 'los', 'las', 'opcion', 'option', 'numero', 'number', 'the', 'de', 'del', 'pues', 'a', 'ver'].includes(w));
  if (words.length !== 1) return null;
  const w = words[0] ?? '';
  const digits = /^(\d{1,2})[ºª°]?$/u.exec(w);
  if (digits) return Number.parseInt(digits[1] ?? '', 10);
  return ORDINALS[w] ?? null;
}

function resolvesTo(m: Mention, p: PendingQuestion): string | null {
  if (m.itemId && p.options.includes(m.itemId)) return m.itemId;
  const inter = m.candidates.filter((c) => p.options.includes(c));
  return inter.length === 1 ? (inter[0] ?? null) : null;
}

const ORDINALS: Record<string, number> = {
  primera: 1, primero: 1, first: 1, segunda: 2, segundo: 2, second: 2, tercera: 3, tercero: 3, third: 3,
  cuarta: 4, cuarto: 4, fourth: 4, quinta: 5, quinto: 5, fifth: 5, sexta: 6, sexto: 6, sixth: 6,
};
