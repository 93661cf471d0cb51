// What a customer's message asks for besides dishes: commands (cancel, menu, status, a person),
// yes/no, pickup or delivery (with an address), payment method and name. Works on folded text and
// hands back the text with every recognised phrase blanked out, for the dish matcher. Pure.
import type { Fulfilment, PaymentMethod } from '../../shared/order.ts';
import { foldText } from '../../shared/text.ts';
import { readQuestions, type CustomerQuestions } from './customer-questions.ts';
import { findOrderNote } from './order-note.ts';
import { addressEnd, continuedOnNextLine, findInlineAddress, skipArticle } from './inline-address.ts';
import { foldWithMap, originalSlice, type FoldedText, WORD_END as E, wordsRegExp } from './text-tokens.ts';

export type SlotName = 'address' | 'name' | 'payment' | 'fulfilment';

/** Questions asked along the way and a requested time come from customer-questions.ts. */
export interface Intents extends Omit<CustomerQuestions, 'text'> {
  original: string;
  folded: FoldedText;
  handoff: boolean;
  cancel: boolean;
  status: boolean;
  menu: boolean;
  clear: boolean;
  done: boolean;
  yes: boolean;
  no: boolean;
  thanks: boolean;
  /** "ninguna", "ninguno", "none": an answer to "which one?" that drops the question. */
  none: boolean;
  fulfilment: Fulfilment | null;
  address: string | null;
  payment: PaymentMethod | null;
  name: string | null;
  change: SlotName | null;
  /** "nota: …", "es para un cumpleaños", "llamad al timbre 2": a note for the whole order. */
  orderNote: string | null;
  /** Folded text with every recognised phrase replaced by a separator (same length). */
  rest: string;
  /** The original text without the recognised phrases, trimmed. */
  restOriginal: string;
}

const words = (source: string): RegExp => wordsRegExp(source, 'gu');

const HANDOFF = words(
  [
    '(?:hablar|habla|hablo|comunicarme|comunicar|contactar|pasame|pasarme|ponme|pongame|quiero|necesito|llamar|puedo hablar)\\s+(?:con\\s+)?(?:a\\s+)?(?:una?\\s+|el\\s+|la\\s+|alguna?\\s+)?(?:persona|humano|alguien|agente|encargad[oa]|responsable|camarer[oa]|operador[a]?|duen[oa]|gerente|empleado)',
    'atencion al cliente',
    'servicio al cliente',
    'persona real',
    'ser humano',
    '(?:talk|speak|chat)\\s+(?:to|with)\\s+(?:a |an |the )?(?:human|person|someone|agent|manager|staff|real person)',
    'real person',
    'human agent',
    'customer service',
  ].join('|'),
);
const HANDOFF_ALONE =
  /^(?:una?\s+|el\s+|la\s+|a\s+|an\s+)?(?:persona|humano|agente|encargad[oa]|operador[a]?|responsable|gerente|human|person|agent|staff|someone|ayuda)$/u;

const CANCEL = words(
  'cancel\\w*|anul\\w*|olvidalo|olvida todo|ya no quiero nada|no quiero nada(?! mas)|ya no quiero (?:el|mi) pedido|forget it|never mind|nevermind',
);
const STATUS = words(
  [
    '(?<!(?:hacer|realizar|empezar|tomar|pasar|pasarte|dejar|apuntar|hago|es)\\s)mi (?:pedido|orden)',
    'estado(?: de mi pedido| del pedido)?',
    'como (?:va|vamos|viene)',
    'donde (?:esta|anda|viene)',
    'cuanto (?:falta|queda|tarda\\w*|demora\\w*|le falta)',
    '(?:ya )?esta listo',
    'falta mucho',
    'tarda\\w* mucho',
    'my order',
    'order status',
    'where is',
    'how long',
    'is it ready',
    'status',
  ].join('|'),
);
const MENU = words(
  'menu|carta|la carta|que (?:teneis|tienes|tienen|hay|venden|vendeis|ofreceis|ofrecen|me ofreces)|que puedo pedir|opciones|see the menu|what do you have',
);
const CLEAR = words(
  '(?:borra\\w*|vacia\\w*|vaciar|quita\\w*|elimina\\w*|limpia\\w*)\\s+(?:el\\s+|la\\s+|mi\\s+)?(?:todo|carrito|cesta|carro|lista)|empezar de (?:nuevo|cero)|empezamos de nuevo|volver a empezar|desde cero|start over|clear (?:the |my )?(?:cart|order|basket)|empty (?:the |my )?(?:cart|basket)',
);
const DONE = words(
  [
    'na(?:da)? mas+',
    'no (?:quiero|queremos|necesito) (?:nada )?mas',
    'ya no mas',
    'eso es todo',
    'es todo',
    'eso seria todo',
    'seria todo',
    'ya (?:esta|estaria|seria|es todo)(?! listo)',
    'solo eso',
    'eso (?:no ?mas|nada mas)',
    'no ?mas eso',
    'asi (?:esta )?(?:bien|perfecto)',
    '(?:esta|todo) (?:bien|perfecto) asi',
    'con eso (?:es suficiente|basta|esta|vale|me vale|es todo)?',
    'nada mas gracias',
    'that\'?s all|that is all|nothing else|that\'?s it|nothing more|i\'?m done',
  ].join('|'),
);
/** Done-words that only mean "nothing else" when they are the whole message. */
const DONE_ALONE =
  /^(?:ya|eso|eso eso|listo|listo ya|ya listo|nada|ok ya|ya ok|vale ya|ok listo|no gracias|no nada|nada gracias|no mas|nomas|todo|eso todo|eso seria|seria eso|suficiente|ya ta|done|no thanks|nothing|thats all|that s all|all good|ok thats all)$/u;
const CHANGE = words(
  '(?:cambi\\w*|modific\\w*|corrig\\w*|otra|change|edit|update|wrong)\\s+(?:(?:el|la|de|mi|the|my|a|en)\\s+)*(direccion|address|nombre|name|forma de pago|metodo de pago|pago|payment|entrega|recogida|delivery)',
);
// "el nombre está mal", "la dirección es incorrecta": a change of that slot.
const WRONG_SLOT = words(
  '(?:(?:el|la|mi|the|my)\\s+)?(direccion|address|nombre|name|forma de pago|metodo de pago|pago|payment|entrega)\\s+(?:esta|es|is)\\s+(?:mal|incorrect[oa]|equivocad[oa]|wrong|incorrect)',
);
const PICKUP = words(
  [
    '(?:para |a )?recoger(?:lo|la|los|las)?',
    '(?:lo |la |los |las )?recojo',
    'recogida',
    'recogemos',
    '(?:lo |la )?(?:paso|pasare|pasamos|voy|vamos|vengo|vendre) (?:yo )?(?:a )?(?:buscar|recoger|retirar|por)(?:lo|la|los|las)?(?: (?:el|al|la) (?:local|restaurante))?',
    '(?:lo |la )?(?:busco|retiro|recojo|recogo|recoj[oe]r?)',
    '(?:voy|paso|vamos|vengo|pasamos) yo',
    '(?:me lo|nos lo|lo) (?:llevo|llevamos) (?:yo|nosotros)',
    'recojer(?:lo|la)?',
    'en (?:la )?tienda',
    'en el (?:restaurante|bar)',
    'take ?out',
    // "para llevar" is take-away; "para llevar a calle Sol 3" / "a casa" is a delivery.
    "pa(?:ra|')? ?llevar(?!\\s+(?:a|al|hasta)\\s)",
    "pa'? ?recoger",
    'para (?:comer|tomar) (?:aqui|alli|ahi|en el local)',
    'to go',
    'carry ?out',
    "(?:i'?ll |i will |we'?ll |we will )?(?:come|go|swing by) (?:and |to )?(?:get|pick|grab|collect)(?: it| them| the order)?(?: up)?",
    'pick (?:it |them )?up',
    'en el local',
    'en local',
    'retirar(?:lo)?(?: en (?:el )?local)?',
    'take ?away',
    'pick ?up',
    'pickup',
    'collect(?:ion)?',
    'i\'?ll collect',
  ].join('|'),
);
const DELIVERY = words(
  [
    // domicilio and its usual typos: domisilio, domicilo, domiclio.
    '(?:a |para |con |por )?domi[csz]i?li?o',
    'a (?:mi )?casa',
    'envio',
    'enviar(?:lo|melo)?',
    'envia(?:lo|melo)',
    '(?:manda|mandad|mande|llevad|lleva|trae|traed|traiga)(?:melo|mela|noslo|lo)',
    'envien(?:lo|melo)?',
    'que me lo (?:traigan|traigais|traes|traen|lleven|llevan|envien|manden|mandeis)',
    'me lo (?:traen|traeis|traes|traigan|llevan|lleven|llevas|llevais|mandan|mandas|mandais|envian|envias|enviais)',
    'traigan(?:lo|melo)',
    'lleven(?:lo|melo)',
    'deliver[iy]|delibery',
    'deliver(?:ed)?(?: it)?',
    'reparto',
    'home delivery',
    'to my (?:house|home|place|address)',
  ].join('|'),
);
const ADDRESS_INTRO = words(
  '(?:mi|la) direccion(?: de (?:entrega|envio|reparto))? es|(?:la |mi )?direccion de (?:entrega|envio|reparto)|direccion(?= ?:)|mi direccion|vivo en|my address is|address(?= ?:)|the address is',
);
// "a domicilio en …", "a domicilio, a la calle …", "a domicilio: calle …" (a colon needs no preposition).
const ADDRESS_AFTER_DELIVERY = /^\s*(?::\s*(?:(?:a la|a el|al|a|en la|en el|en|to|at)\s+)?|,?\s*(?:a la|a el|al|a|en la|en el|en|to|at)\s+)(?=\S)/u;
const ADDRESS_HINT =
  /\d|(?<![\p{L}\p{N}])(?:calle|c|avenida|av|avda|plaza|pza|paseo|camino|carrera|cra|colonia|col|barrio|urbanizacion|urb|ronda|travesia|pasaje|piso|portal|bloque|street|st|road|rd|avenue|ave|lane|apartment|apt)(?![\p{L}\p{N}])/u;

const PAY_PREFIX = '(?:(?:(?:forma|metodo|medio) de )?(?:pago|pagare|pagamos|pagaria|pagar|pagaremos|pay|paying|payment|i\'?ll pay)(?:\\s*:\\s*|\\s+)(?:(?:con|en|por|by|with|in|via)\\s+)?)?(?:(?:con|en|por|by|with|via)\\s+)?';
const PAYMENTS: { method: PaymentMethod; re: RegExp }[] = [
  { method: 'cash', re: words(`${PAY_PREFIX}(?:efe[ck]?ti[vb]o|metalico|cash|al contado|contado|en mano|billetes?|contra ?entrega)`) },
  { method: 'card', re: words(`${PAY_PREFIX}(?:tar[jg]e?ta(?: de credito| de debito)?|tarj|datafono|tpv|card|credit card|debit card|visa|mastercard|amex|apple pay|google pay|contactless|sin contacto)`) },
  { method: 'bizum', re: words(`${PAY_PREFIX}bi[sz]um`) },
  { method: 'transfer', re: words(`${PAY_PREFIX}(?:tra[n]?s?ferencia(?: bancaria)?|bank transfer|transfer|wire)`) },
];

const PAYMENT_NEGATED = /(?:^|[^\p{L}\p{N}])(?:no|ya no|nada de|en vez de|en lugar de|instead of|not)\s*(?:(?:pago|pagar|pagare|pay)\s+)?$/u;
const PAYMENT_PREFERRED = /(?:^|[^\p{L}\p{N}])(?:mejor|prefiero|mas bien|better|rather)\s*(?:(?:pago|pagar|pagare|pay)\s+)?$/u;

const NAME_INTRO = words(
  "mi nombre es|(?:el|su|the) nombre es|me llamo|a nombre de|al nombre de|nombre|my name is|my name'?s|my names|name is|under the name(?: of)?|in the name of|name",
);
// "soy Eva" at the start, on its own line or after other words ("pago en efectivo soy Jorge").
const NAME_AT_START =
  /(?:^|[\n.!?,;¡¿]|\s)\s*(?:(?:hola|buenas|hi|hello|hey)[\s,!.]*)?(?:soy|i'?m|i am|this is)\s+(?!de\s|del\s|el\s|la\s|un\s|una\s|yo\s|a\s|an\s|the\s|not\s|at\s|in\s|on\s|hungry|fine|good|ok|done|here|ready|looking|going|gonna|trying|ordering|alergic|celiac|vegan|vegetarian|intolerante|nuev[oa]|cliente|muy|mas|from)/u;

const YES_START = new RegExp(
  `^\\s*(?:si+|sip|vale|ok+|okay|okey|oki|dale|confirm\\w*|correct[oa]|perfect[oa]?|de acuerdo|claro(?: que si)?|yes|yep|yeah|yup|sure|listo|adelante|exact[oa]|exactamente|venga|orale|simon|de una|afirmativo|por supuesto|eso es|asi es|todo (?:bien|correcto|perfecto)|esta bien|go ahead|sounds good|correct|right)${E}`,
  'u',
);
const YES_ALONE = /^(?:s|va|bien|genial|obvio|buenisimo|fine|great|ok ok|si si|orale|sale|simon|de una|hagale|listo pues|ok dale|okis|okk|dale dale|va que va|yes please|please do)$/u;
const YES_EMOJI = /👍|👌|✅|✔|🙆|🆗/u;
const NO_START = new RegExp(
  `^\\s*(?:no+|nop|nope|nel|negativo|incorrecto|nah|esta mal|not really|not yet)${E}(?!\\s+(?:quiero|me|le|lleva|lleve|pongas|pongais|pon|pongan|la|el|los|las)${E})`,
  'u',
);
const NONE = words('ninguna|ninguno|ningun|none|neither|ni una|ni uno');
const THANKS = words('gracias|muchas gracias|mil gracias|thanks|thank you|thx|grax|ty');

interface Span {
  start: number;
  end: number;
}

function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m;
}

/** Trims punctuation, politeness and connectors from both ends of a captured slot value. */
export function tidyValue(value: string): string {
  let v = value.replace(/\s+/g, ' ').trim();
  const edge = /^(?:[\s,.;:!?¡¿\-–—"'«»()]+|(?:y|e|and|por favor|porfa|please|gracias|thanks|pls|plis|xfa)(?![\p{L}\p{N}]))+|(?:[\s,.;:!?¡¿\-–—"'«»()]+|(?<![\p{L}\p{N}])(?:y|e|and|por favor|porfa|please|gracias|thanks|pls|plis|xfa))+$/giu;
  for (let k = 0; k < 4; k++) {
    const next = v.replace(edge, '').trim();
    if (next === v) break;
    v = next;
  }
  return v;
}

export function detectIntents(original: string): Intents {
  const folded = foldWithMap(original);
  // Questions are answered, not taken as choices: they and a time are blanked before looking for slots.
  const { text: questionText, ...questionFields } = readQuestions(original, folded);
  // A note for the whole order is cut out first: its words ("llamad al timbre 2") are no dish,
  // number, name or address.
  const orderNote = findOrderNote(original, folded, questionText);
  const blank: Span[] = [...(orderNote?.spans ?? [])];
  let f = questionText;
  for (const span of blank) f = `${f.slice(0, span.start)},${' '.repeat(Math.max(0, span.end - span.start - 1))}${f.slice(span.end)}`;
  const squashed = f.replace(/[^\p{L}\p{N}\s]+/gu, ' ').replace(/\s+/g, ' ').trim();

  const handoff = firstMatch(HANDOFF, f) !== null || HANDOFF_ALONE.test(squashed);
  const cancel = firstMatch(CANCEL, f) !== null;
  const statusMatch = firstMatch(STATUS, f);
  const menuMatch = firstMatch(MENU, f);
  const clearMatch = firstMatch(CLEAR, f);
  if (clearMatch) blank.push({ start: clearMatch.index, end: clearMatch.index + clearMatch[0].length });

  // Slot phrases first (positions), so a captured name or address stops where they start.
  const phraseStarts: number[] = [];
  // Several methods: "ya no en efectivo, con tarjeta" drops the negated one; "efectivo… no, mejor
  // tarjeta" takes the preferred one; otherwise the first.
  const payments: { method: PaymentMethod; at: number; rank: number }[] = [];
  for (const { method, re } of PAYMENTS) {
    const m = firstMatch(re, f);
    if (!m) continue;
    blank.push({ start: m.index, end: m.index + m[0].length });
    phraseStarts.push(m.index);
    const before = f.slice(Math.max(0, m.index - 24), m.index);
    const rank = PAYMENT_NEGATED.test(before) ? 2 : PAYMENT_PREFERRED.test(before) ? 0 : 1;
    payments.push({ method, at: m.index, rank });
  }
  payments.sort((a, b) => a.rank - b.rank || a.at - b.at);
  const chosenPayment = payments[0];
  const payment: PaymentMethod | null = chosenPayment && chosenPayment.rank < 2 ? chosenPayment.method : null;
  const pickup = firstMatch(PICKUP, f);
  const delivery = firstMatch(DELIVERY, f);
  let fulfilment: Fulfilment | null = null;
  if (pickup && (!delivery || pickup.index > delivery.index)) fulfilment = 'pickup';
  else if (delivery) fulfilment = 'delivery';
  // Every pickup/delivery phrase is blanked ("para recoger en el local" holds two).
  for (const re of [PICKUP, DELIVERY]) {
    for (const m of f.matchAll(re)) {
      blank.push({ start: m.index, end: m.index + m[0].length });
      phraseStarts.push(m.index);
    }
  }
  const done = firstMatch(DONE, f);
  const doneAlone = DONE_ALONE.test(squashed);
  if (done) {
    blank.push({ start: done.index, end: done.index + done[0].length });
    phraseStarts.push(done.index);
  }
  const change = firstMatch(CHANGE, f) ?? firstMatch(WRONG_SLOT, f);
  let changeSlot: SlotName | null = null;
  if (change) {
    const what = change[1] ?? '';
    changeSlot = /direccion|address/.test(what)
      ? 'address'
      : /nombre|name/.test(what)
        ? 'name'
        : /pago|payment/.test(what)
          ? 'payment'
          : 'fulfilment';
    blank.push({ start: change.index, end: change.index + change[0].length });
    phraseStarts.push(change.index);
  }

  // A name phrase ends an address before it ("Calle Pez 3, a nombre de Bea").
  const nameAhead = firstMatch(NAME_INTRO, f);
  if (nameAhead) phraseStarts.push(nameAhead.index);
  const cutAt = (from: number): number => {
    const after = phraseStarts.filter((p) => p > from);
    const hard = f.slice(from).search(/\n/);
    const candidates = [...after, f.length];
    if (hard >= 0) candidates.push(from + hard);
    return Math.min(...candidates);
  };

  // Address: after "a domicilio en …", or "mi dirección es …".
  let address: string | null = null;
  let addressFrom = -1;
  const intro = firstMatch(ADDRESS_INTRO, f);
  if (intro) phraseStarts.push(intro.index);
  if (intro) {
    const from = intro.index + intro[0].length;
    const lead = /^\s*:?\s*/.exec(f.slice(from))?.[0].length ?? 0;
    addressFrom = from + lead;
    blank.push({ start: intro.index, end: addressFrom });
    if (fulfilment === null) fulfilment = 'delivery';
  } else if (delivery) {
    const from = delivery.index + delivery[0].length;
    const lead = ADDRESS_AFTER_DELIVERY.exec(f.slice(from));
    if (lead && ADDRESS_HINT.test(f.slice(from + lead[0].length, cutAt(from)))) addressFrom = from + lead[0].length;
  }
  if (addressFrom >= 0) {
    const valueFrom = skipArticle(f, addressFrom);
    // The address ends after its number and floor/door when dishes follow ("… 3, 2ºB y una coca").
    const found = addressEnd(f, valueFrom, cutAt(valueFrom)) ?? cutAt(valueFrom);
    const end = continuedOnNextLine(f, found, (a, b) => originalSlice(original, folded, a, b));
    const value = tidyValue(originalSlice(original, folded, valueFrom, end)).slice(0, 200);
    if (/[\p{L}\p{N}]/u.test(value)) {
      address = value;
      blank.push({ start: addressFrom, end });
    }
  }
  // "una margarita a calle sol 3", "llevar a Av. Corrientes 1234 piso 3": an address inside the
  // order, cut out so its numbers are never dish numbers; it means delivery.
  if (address === null && fulfilment !== 'pickup') {
    const inline = findInlineAddress(f, (from) => cutAt(from));
    if (inline) inline.end = continuedOnNextLine(f, inline.end, (a, b) => originalSlice(original, folded, a, b));
    if (inline) {
      const value = tidyValue(originalSlice(original, folded, inline.valueStart, inline.end)).slice(0, 200);
      if (/[\p{L}\p{N}]/u.test(value)) {
        address = value;
        fulfilment = 'delivery';
        blank.push({ start: inline.start, end: inline.end });
        phraseStarts.push(inline.start);
      }
    }
  }

  // Name: "a nombre de Ana", "me llamo Ana", "soy Ana".
  let name: string | null = null;
  const nameIntro = firstMatch(NAME_INTRO, f);
  const soy = NAME_AT_START.exec(f);
  const nameStart = nameIntro ? nameIntro.index + nameIntro[0].length : soy ? soy.index + soy[0].length : -1;
  if (nameStart >= 0 && !(changeSlot === 'name' && !soy)) {
    const lead = /^\s*:?\s*/.exec(f.slice(nameStart))?.[0].length ?? 0;
    const from = nameStart + lead;
    const sep = f.slice(from).search(/[\n,.;!?]/);
    const end = Math.min(cutAt(from), sep >= 0 ? from + sep : f.length);
    const value = cleanName(originalSlice(original, folded, from, end));
    if (value) {
      name = value;
      blank.push({ start: nameIntro ? nameIntro.index : (soy?.index ?? 0), end });
    }
  }

  // "es para Laura", "para Pedro": a capitalised word after "para" that is not a phrase already read.
  if (!name && !nameIntro) {
    const para = /(?:^|[\s,.;:!¡¿])(?:es |va )?para (\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)?)(?=$|[\s,.;:!?])/u.exec(original);
    const who = para?.[1];
    if (para && who) {
      const from = folded.map.findIndex((o) => o >= para.index);
      const start = folded.map.findIndex((o) => o === para.index + para[0].length - who.length);
      const end = start + foldText(who).length;
      const overlaps = blank.some((b) => b.start < end && start < b.end);
      const value = cleanName(who);
      if (from >= 0 && start >= 0 && !overlaps && value) {
        name = value;
        blank.push({ start: from, end });
      }
    }
  }

  // Yes / no, at the start of the message.
  const startsYes = YES_START.exec(f);
  const yes = startsYes !== null || YES_ALONE.test(squashed) || (YES_EMOJI.test(original) && !/[\p{L}\p{N}]/u.test(f));
  if (startsYes) blank.push({ start: 0, end: startsYes[0].length });
  const startsNo = yes ? null : NO_START.exec(f);
  if (startsNo) blank.push({ start: 0, end: startsNo[0].length });
  const none = firstMatch(NONE, f) !== null;
  const thanks = firstMatch(THANKS, f) !== null;

  // Blank every recognised phrase with a separator, keeping the length (indices stay valid).
  const chars = Array.from(f.split(''));
  for (const span of blank) {
    for (let k = span.start; k < span.end && k < chars.length; k++) chars[k] = k === span.start ? ',' : ' ';
  }
  const rest = joinSplitQuantities(chars.join(''));
  const restOriginal = keepUnblanked(original, folded, rest);

  return {
    original,
    folded,
    handoff,
    cancel,
    status: statusMatch !== null,
    menu: menuMatch !== null,
    clear: clearMatch !== null,
    done: done !== null || doneAlone,
    yes,
    no: startsNo !== null,
    thanks,
    none,
    fulfilment,
    address,
    payment,
    name,
    change: changeSlot,
    ...questionFields,
    orderNote: orderNote?.note ?? null,
    rest,
    restOriginal,
  };
}

// "y dos\ncocas", "2\nmargaritas": a line that is only a quantity belongs to the dish on the next line.
const QUANTITY_LINE =
  /(^|\n)([ \t]*(?:(?:y|e|and|mas|plus)[ \t]+)?(?:\d{1,2}|un|una|uno|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|two|three|four|five|six)(?:[ \t]+(?:de|of))?[ \t]*)\n(?=[ \t]*\p{L})/gu;

function joinSplitQuantities(rest: string): string {
  return rest.replace(QUANTITY_LINE, (_all, lead: string, line: string) => `${lead}${line} `);
}

function keepUnblanked(original: string, folded: FoldedText, rest: string): string {
  let out = '';
  let runStart = -1;
  for (let k = 0; k <= rest.length; k++) {
    const kept = k < rest.length && rest[k] === folded.text[k];
    if (kept && runStart < 0) runStart = k;
    if (!kept && runStart >= 0) {
      out += `${originalSlice(original, folded, runStart, k)} `;
      runStart = -1;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

// Street words that, with a number, make a message an address rather than a dish.
const STREET =
  /(?<![\p{L}\p{N}])(?:calle|c\/|cl|cll|avenida|avda|av|plaza|pza|pl|paseo|pso|camino|carrera|cra|kra|calzada|colonia|col|barrio|urbanizacion|urb|ronda|travesia|pasaje|psje|piso|portal|bloque|puerta|pta|escalera|esc|n[º°o]|carretera|ctra|glorieta|rambla|alameda|bulevar|boulevard|blvd|fraccionamiento|fracc|residencial|edificio|edif|depto|dpto|departamento|apartamento|manzana|mz|lote|jiron|jr|diagonal|transversal|street|st|road|rd|avenue|ave|lane|apt|apartment|flat|floor)(?![\p{L}\p{N}])/u;

/** "Calle Mayor 5", "av. de la constitución 5, 2º B", "c/ Sol 3": a street word and a number. */
export function looksLikeAddress(text: string): boolean {
  const f = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return STREET.test(f) && /\d/.test(f);
}

/** A customer's name as given: trimmed, at most 60 characters, at most six words, with a letter. */
export function cleanName(raw: string): string | null {
  const value = tidyValue(raw);
  if (!/\p{L}/u.test(value)) return null;
  if (value.split(/\s+/).length > 6) return null;
  return value.slice(0, 60).trim();
}
