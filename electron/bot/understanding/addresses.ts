// Where a delivery address written inside an order ends, and where one starts without "dirección":
// "una margarita a calle sol 3", "llevar a Av. Corrientes 1234 piso 3 depto B y una coca", "en la
// calle 45 # 12-30", "c/ Mayor, 2, 3ºB". Its house number, floor and door must never be read as
// dish numbers, and the dishes after it must stay dishes. Works on folded text (lowercase, no
// accents), positions only. Pure.
import { isQuantityWord } from './quantities.ts';
import { wordsRegExp } from './text-tokens.ts';

/** Street words that start an address after "a", "en", "para", … or at the start of a line. */
const STREET_START =
  /(?<![\p{L}\p{N}])(?:calle|c\/|c\.|cl\.|cll\.?|avenida|avda\.?|av\.?|plaza|pza\.?|plz\.?|paseo|pso\.?|carrera|cra\.?|kra\.?|calzada|calz\.?|colonia|col\.|urbanizacion|urb\.?|travesia|pasaje|psje\.?|carretera|ctra\.?|glorieta|bulevar|boulevard|blvd\.?|fraccionamiento|fracc\.?|jiron|jr\.|diagonal|transversal|circunvalacion|autopista|mz\.?|privada|cerrada|andador|prolongacion|prol\.|callejon|circuito|gran via|carrer|avinguda|street|avenue|road|ronda|camino|barrio|rambla|alameda|residencial|sendero|vereda|malecon|costanera|rua)(?![\p{L}\p{N}])/gu;
/** Street words that are ordinary words too ("otra ronda", "de camino"): only after a preposition. */
const WEAK_STREET = new Set(['ronda', 'camino', 'barrio', 'rambla', 'alameda', 'residencial', 'privada', 'cerrada', 'circuito', 'sendero', 'vereda', 'rua']);

/** What may come right before a street word for it to start an address inside a sentence. */
const INTRO_PREPOSITION =
  /(?<![\p{L}\p{N}])(?:(?:(?:llev|envi|mand|entreg|tra)\p{L}*|vivo|estoy|es)\s+)?(?:a|en|para|hasta|al|por|to|at)\s+(?:(?:la|el|mi|the|my)\s+)?$/u;
const INTRO_LOOSE = /(?:^|[\n,;:.!?¿¡(]\s*|(?<![\p{L}\p{N}])(?:direccion|dir|domicilio|address)\s*:?\s*|(?<![\p{L}\p{N}])y\s+)$/u;

/** Words that continue an address after its number: floor, door, block, "nº 5", "depto B". */
const AFTER_NUMBER = new Set(
  (
    'piso planta portal puerta pta pto esc escalera bloque blq bl bajo bajos entresuelo atico principal ' +
    'izq izquierda izda izdo dcha dcho derecha dch centro depto dpto departamento apto apartamento apt ' +
    'int interior ext exterior casa torre edificio edif local oficina of manzana mz lote lt km letra ' +
    'n no nº n° num numero nro cp casi esquina esq entre primero segundo tercero cuarto quinto sexto ' +
    'septimo octavo noveno decimo primera segunda tercera cuarta quinta sexta floor flat unit suite'
  ).split(' '),
);
/** After these a single word is part of the address whatever it is ("puerta izquierda", "depto B"). */
const TAKES_ONE_MORE = new Set(
  'piso planta portal puerta pta pto esc escalera bloque blq bl depto dpto departamento apto apartamento apt int interior casa torre edificio edif local oficina of manzana mz lote lt letra floor flat unit suite'.split(' '),
);
const ORDINAL_WORD = /^(?:primer[oa]|segund[oa]|tercer[oa]|cuart[oa]|quint[oa]|sext[oa]|septim[oa]|octav[oa]|noven[oa]|decim[oa])$/u;
/** Words after "piso", "puerta", … that start something else ("piso 3 sin cebolla"). */
const NOT_A_DOOR = new Set('con sin de del para por el la los las un una y e o a al en'.split(' '));
/** Street words that come after the name in English ("10 Downing Street"). */
const STREET_AFTER_WORDS = 'street st road rd avenue ave lane ln drive dr way close court ct place pl boulevard blvd square sq terrace crescent';
const STREET_AFTER = new Set(STREET_AFTER_WORDS.split(' '));
const NUMBER_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:to|at)\\s+(\\d{1,5}[a-z]?\\s+(?:[\\p{L}'’-]+\\s+){0,3}(?:${STREET_AFTER_WORDS.replace(/ /g, '|')}))(?![\\p{L}\\p{N}])`,
  'u',
);
/** Areas that may follow a street and number after a comma: "Mérida 45, Col. Roma Norte". */
const AREA = new Set('colonia col barrio urbanizacion urb fraccionamiento fracc residencial sector zona distrito cp'.split(' '));
/** Words that start a dish order, never a street name. */
const ORDER_WORDS = new Set(
  'quiero queria quisiera pon ponme ponle dame mandame traeme anade agrega y tambien ademas porfa favor gracias please'.split(' '),
);

interface Tok {
  text: string;
  start: number;
  end: number;
}

function tokens(f: string, from: number, limit: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{N}º°ª]+|[^\s\p{L}\p{N}]/gu;
  re.lastIndex = from;
  for (let m = re.exec(f); m && m.index < limit; m = re.exec(f)) {
    out.push({ text: m[0], start: m.index, end: Math.min(limit, m.index + m[0].length) });
  }
  return out;
}

// "x2" after a dish is a quantity, never a house number.
const hasNumber = (t: Tok | undefined) => !!t && ((/\d/u.test(t.text) && !/^x\d+$/u.test(t.text)) || t.text === 'sn');

/**
 * The end of an address starting at `from` (before `limit`): past the street name, the house number
 * and what continues it (floor, door, "# 12-30", ", Col. Roma"). Null when no house number comes
 * ("s/n" counts), so "en la calle" alone is never an address.
 */
export function addressEnd(f: string, from: number, limit: number): number | null {
  const toks = tokens(f, from, limit);
  let end: number | null = null;
  let words = 0;
  let k = 0;
  // The street's name, up to its number ("Calle Ramón y Cajal 5", "Col. Roma Norte, Mérida 45").
  for (; k < toks.length; k++) {
    const t = toks[k] as Tok;
    if (hasNumber(t) || (t.text === 's' && toks[k + 1]?.text === '/' && toks[k + 2]?.text === 'n')) break;
    if (/^[\p{L}º°ª]+$/u.test(t.text)) {
      const next = toks[k + 1];
      if (k > 0 && ORDER_WORDS.has(t.text) && !(t.text === 'y' && next && /^\p{L}/u.test(next.text) && !isQuantityWord(next.text))) return null;
      if (k > 1 && isQuantityWord(t.text) && !/^(?:de|del)$/u.test(next?.text ?? '')) return null;
      if (++words > 8) return null;
    } else if (!/^[.,/#'’-]$/u.test(t.text)) return null;
  }
  if (k >= toks.length) return null;
  // The number and what continues it.
  const numberFirst = words === 0;
  let afterPart = false;
  let afterOrdinal = false;
  for (; k < toks.length; k++) {
    const t = toks[k] as Tok;
    const next = toks[k + 1];
    if (hasNumber(t)) {
      end = t.end;
      afterPart = false;
      // "10 Downing Street", "221B Baker St": the street's name after the number, up to its street word.
      if (numberFirst) {
        const ahead = toks.slice(k + 1, k + 5);
        const s = ahead.findIndex((x) => STREET_AFTER.has(x.text));
        if (s >= 0 && ahead.slice(0, s).every((x) => /^\p{L}+$/u.test(x.text) && !ORDER_WORDS.has(x.text))) {
          k += s + 1;
          end = (toks[k] as Tok).end;
        }
      }
      continue;
    }
    if (t.text === 's' && next?.text === '/' && toks[k + 2]?.text === 'n') {
      end = (toks[k + 2] as Tok).end;
      k += 2;
      continue;
    }
    if (/^[#/º°ª-]$/u.test(t.text) && (hasNumber(next) || /^[#º°ª]$/u.test(t.text))) {
      if (/^[º°ª]$/u.test(t.text)) end = t.end;
      continue;
    }
    // "entre 5 y 6", "entre Sol y Luna": the cross streets.
    if (t.text === 'entre') {
      const y = toks.slice(k + 2, k + 6).findIndex((x) => x.text === 'y' || x.text === 'e');
      const last = toks[k + 2 + y + 1];
      if (y >= 0 && last && /^[\p{L}\p{N}]+$/u.test(last.text) && !isQuantityWord(last.text) && !ORDER_WORDS.has(last.text)) {
        k = k + 2 + y + 1;
        end = last.end;
        continue;
      }
    }
    // "28013 Madrid": a city after a postcode.
    if (/^\p{L}+$/u.test(t.text) && toks[k - 1] && /^\d{4,5}$/u.test(toks[k - 1]?.text ?? '') && !ORDER_WORDS.has(t.text) && !isQuantityWord(t.text)) {
      let j = k;
      while (j < toks.length && j < k + 3 && /^\p{L}+$/u.test(toks[j]?.text ?? '') && !ORDER_WORDS.has(toks[j]?.text ?? '') && !isQuantityWord(toks[j]?.text ?? '')) j++;
      end = (toks[j - 1] as Tok).end;
      k = j - 1;
      continue;
    }
    if (AFTER_NUMBER.has(t.text)) {
      end = t.end;
      afterPart = TAKES_ONE_MORE.has(t.text);
      afterOrdinal = ORDINAL_WORD.test(t.text);
      continue;
    }
    // "depto B", "3 B", "segundo B", "puerta izquierda": one word or letter after a part or a number.
    const letter = /^\p{L}$/u.test(t.text) && !['y', 'e', 'o', 'u', 'a'].includes(t.text);
    if (afterPart && /^\p{L}+$/u.test(t.text) && !isQuantityWord(t.text) && !ORDER_WORDS.has(t.text) && !NOT_A_DOOR.has(t.text)) {
      end = t.end;
      afterPart = false;
      continue;
    }
    if (letter && toks[k - 1] && (hasNumber(toks[k - 1]) || afterOrdinal)) {
      afterOrdinal = false;
      end = t.end;
      continue;
    }
    // "5 de mayo 3": words between two numbers of one street, when no separator comes between.
    if (t.text === 'de' || t.text === 'del') {
      const ahead = toks.slice(k + 1, k + 4);
      const n = ahead.findIndex((x) => hasNumber(x));
      if (n > 0 && ahead.slice(0, n).every((x) => /^\p{L}+$/u.test(x.text) && !isQuantityWord(x.text) && !ORDER_WORDS.has(x.text))) {
        k += n;
        continue;
      }
    }
    // ", 2ºB", ", piso 3", ", Col. Roma Norte", "barrio Chapinero": more of the address.
    const area = AREA.has(t.text) ? k : t.text === ',' && next && AREA.has(next.text) ? k + 1 : -1;
    if (t.text === ',' && next && (hasNumber(next) || AFTER_NUMBER.has(next.text))) continue;
    if (area >= 0) {
      let j = area + 1;
      if (toks[j]?.text === '.') j++;
      let taken = 0;
      while (j < toks.length && taken < 4 && /^\p{L}+$/u.test(toks[j]?.text ?? '') && !ORDER_WORDS.has(toks[j]?.text ?? '') && !isQuantityWord(toks[j]?.text ?? '')) {
        end = (toks[j] as Tok).end;
        j++;
        taken++;
      }
      k = j - 1;
      continue;
    }
    if (t.text === '.' && next && (AFTER_NUMBER.has(next.text) || hasNumber(next))) continue;
    break;
  }
  return end;
}

/** "la calle del Pez 12" after "vivo en": the address starts at its street word. */
export function skipArticle(f: string, from: number): number {
  const m = /^(?:la|el|mi)\s+/u.exec(f.slice(from));
  if (!m) return from;
  STREET_START.lastIndex = 0;
  const street = STREET_START.exec(f.slice(from + m[0].length));
  STREET_START.lastIndex = 0;
  return street?.index === 0 ? from + m[0].length : from;
}

const NAME_NUMBER_AREA =
  /(?<![\p{L}\p{N}])(?:a|al|en|para|hasta)\s+((?:(?:la|el)\s+)?(?:\p{L}+\s+){1,4}\d{1,5}[\p{L}º°ª]*(?:\s*,?\s*(?:int|interior|depto|dpto|apto|depa|piso|casa)\.?\s*[\p{L}\p{N}]{1,4})?\s*,?\s*(?:colonia|col\.?|barrio|fraccionamiento|fracc\.?|urbanizacion|urb\.|residencial|sector)(?![\p{L}\p{N}]))/u;
const NUMBER_FIRST_ES =
  /(?<![\p{L}\p{N}])(?:a|al|en|para|hasta)\s+(?:(?:el|la)\s+)?((?:n[º°o]\.?|numero|num\.?|portal|piso|bloque|edificio|edif\.?|casa|depto|dpto|apto)\s*\d{1,5}[\p{L}º°ª]*(?:\s*,)?\s+(?:de\s+|del\s+)?(?:(?:la|el)\s+)?)(?=(?:calle|c\/|avenida|avda|av\.?|plaza|pza|paseo|carrera|cra|calzada|privada|carrer|jiron|jr\.)(?![\p{L}\p{N}]))/u;

/** The end of a street's name with no number after it ("… de la calle Sol"): its words, up to punctuation or an order word. */
function streetNameEnd(f: string, from: number, limit: number): number {
  const toks = tokens(f, from, limit);
  let end = from;
  for (const [k, t] of toks.entries()) {
    if (k > 6 || (k > 0 && (ORDER_WORDS.has(t.text) || isQuantityWord(t.text)))) break;
    if (/^[\p{L}]+$/u.test(t.text) || t.text === '/' || (t.text === '.' && k === 1)) end = t.end;
    else break;
  }
  return end;
}

export interface InlineAddress {
  /** Where the blanked phrase starts ("a calle …" from the "a"). */
  start: number;
  /** Where the address itself starts (its street word). */
  valueStart: number;
  end: number;
}

/**
 * The first address inside a message that starts with a street word after "a", "en", "para",
 * "llevar a", … or at the start of the message or of a line, and has a house number. `limitAt`
 * gives where a phrase read otherwise (payment, name, …) starts after a position.
 */
export function findInlineAddress(f: string, limitAt: (from: number) => number): InlineAddress | null {
  // A street without a street word, known by the area after it: "a Mérida 45, Col. Roma Norte".
  const named = NAME_NUMBER_AREA.exec(f);
  if (named) {
    const valueStart = named.index + named[0].length - (named[1] ?? '').length;
    const end = addressEnd(f, valueStart, limitAt(valueStart));
    if (end !== null) return { start: named.index, valueStart, end };
  }
  // Spanish, number first: "para el nº 5 de la calle Sol", "al portal 4 de calle Sol 3".
  const spanish = NUMBER_FIRST_ES.exec(f);
  if (spanish) {
    const valueStart = spanish.index + spanish[0].length - (spanish[1] ?? '').length;
    const street = valueStart + (spanish[1] ?? '').length;
    const limit = limitAt(street);
    const end = addressEnd(f, street, limit) ?? streetNameEnd(f, street, limit);
    return { start: spanish.index, valueStart, end };
  }
  // English, number first: "to 42 Elm Street", "at 221B Baker St, flat 2".
  const english = NUMBER_FIRST.exec(f);
  if (english) {
    const valueStart = english.index + english[0].length - (english[1] ?? '').length;
    const end = addressEnd(f, valueStart, limitAt(valueStart));
    if (end !== null) return { start: english.index, valueStart, end };
  }
  STREET_START.lastIndex = 0;
  for (const m of f.matchAll(STREET_START)) {
    const before = f.slice(Math.max(0, m.index - 40), m.index);
    const intro = INTRO_PREPOSITION.exec(before) ?? (WEAK_STREET.has(m[0]) ? null : INTRO_LOOSE.exec(before));
    if (!intro) continue;
    const end = addressEnd(f, m.index, limitAt(m.index));
    if (end === null) continue;
    const introText = intro[0].replace(/^[\n,;:.!?¿¡(]\s*/u, '');
    return { start: m.index - introText.length, valueStart: m.index, end };
  }
  return null;
}

// "ah, y es 3ºB", "el piso es 2º A", "puerta izquierda": only a floor or door, added to an address
// already given. Words before it that only lead in.
const LEAD_IN = new Set(
  'ah ay oh eh y e es el la mi perdon perdona perdone sorry falta faltaba olvide olvido se me te dije decirte que era son'.split(' '),
);

const COPULA = new Set(['es', 'era', 'son']);

/** The floor/door fragment a message holds and nothing else, in the customer's spelling, or null. */
export function floorOrDoor(original: string): string | null {
  const f = original.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  // Folding keeps positions for Spanish text; anything else is not a floor or a door.
  if (f.length !== original.length) return null;
  const toks = tokens(f, 0, f.length).filter((t) => !/^[,.;:!?¡¿'"«»()]$/u.test(t.text));
  let k = 0;
  while (k < toks.length && LEAD_IN.has(toks[k]?.text ?? '')) k++;
  const part = toks.slice(k);
  if (part.length === 0 || part.length > 6) return null;
  let marked = false;
  for (const [j, t] of part.entries()) {
    if (j > 0 && COPULA.has(t.text)) continue;
    if (AFTER_NUMBER.has(t.text)) {
      if (!['n', 'no', 'num', 'numero', 'nro', 'cp', 'casi', 'entre', 'km'].includes(t.text)) marked = true;
      continue;
    }
    if (/^\d{1,3}(?:[ºª°]|[ºª°]?\p{L})?$/u.test(t.text)) {
      if (/[ºª°]|\d\p{L}/u.test(t.text)) marked = true;
      continue;
    }
    if (/^[ºª°/-]$/u.test(t.text)) continue;
    if (/^\p{L}$/u.test(t.text) && j > 0) continue;
    return null;
  }
  if (!marked) return null;
  const from = (part[0] as Tok).start;
  // "piso es 2ºA", "piso: 4º" → "piso 2ºA", "piso 4º".
  const said = original.slice(from).trim().replace(/[\s.!]+$/u, '').replace(/\s+(?:es|era|son)\s+|\s*:\s*/giu, ' ');
  return said || null;
}

/** An address cut at a line end continues on the next line when that line is a floor or door ("calle Sol 3\n2ºB"). */
export function continuedOnNextLine(f: string, end: number, originalOf: (start: number, end: number) => string): number {
  const m = /^[ \t,;]*\n([^\n]*)/u.exec(f.slice(end));
  if (!m) return end;
  const lineEnd = end + m[0].length;
  return floorOrDoor(originalOf(lineEnd - (m[1] ?? '').length, lineEnd)) !== null ? lineEnd : end;
}

/**
 * "Jamaica 12, col. Morelos", "Margarita 5, 2ºB" as the answer to "which address?": a capitalised
 * name and then a house number, even when the name is also a dish's. Lowercase "flan 5" stays a dish.
 */
export function streetAndNumber(original: string): boolean {
  const trimmed = original.trim();
  if (!/^\p{Lu}/u.test(trimmed)) return false;
  const f = trimmed.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  if (f.length !== trimmed.length) return false;
  const first = tokens(f, 0, f.length)[0];
  if (!first || ORDER_WORDS.has(first.text) || isQuantityWord(first.text)) return false;
  return addressEnd(f, 0, f.length) !== null;
}

export const ADDRESS_INTRO = wordsRegExp(
  '(?:mi|la) direccion(?: de (?:entrega|envio|reparto))? es|(?:la |mi )?direccion de (?:entrega|envio|reparto)|direccion(?= ?:)|mi direccion|vivo en|my address is|address(?= ?:)|the address is',
  'gu',
);
// "a domicilio en …", "a domicilio, a la calle …", "a domicilio: calle …" (a colon needs no preposition).
export const ADDRESS_AFTER_DELIVERY = /^\s*(?::\s*(?:(?:a la|a el|al|a|en la|en el|en|to|at)\s+)?|,?\s*(?:a la|a el|al|a|en la|en el|en|to|at)\s+)(?=\S)/u;
export const ADDRESS_HINT =
  /\d|(?<![\p{L}\p{N}])(?:calle|c|avenida|av|avda|plaza|pza|paseo|camino|carrera|cra|colonia|col|barrio|urbanizacion|urb|ronda|travesia|pasaje|piso|portal|bloque|street|st|road|rd|avenue|ave|lane|apartment|apt)(?![\p{L}\p{N}])/u;


// Street words that, with a number, make a message an address rather than a dish.
const STREET =
  /(?<![\p{L}\p{N}])(?:calle|c\/|cl|cll|avenida|avda|av|plaza|pza|pl|paseo|pso|camino|carrera|cra|kra|calzada|colonia|col|barrio|urbanizacion|urb|ronda|travesia|pasaje|psje|piso|portal|bloque|puerta|pta|escalera|esc|n[º°o]|carretera|ctra|glorieta|rambla|alameda|bulevar|boulevard|blvd|fraccionamiento|fracc|residencial|edificio|edif|depto|dpto|departamento|apartamento|manzana|mz|lote|jiron|jr|diagonal|transversal|street|st|road|rd|avenue|ave|lane|apt|apartment|flat|floor)(?![\p{L}\p{N}])/u;

/** "Calle Mayor 5", "av. de la constitución 5, 2º B", "c/ Sol 3": a street word and a number. */
export function looksLikeAddress(text: string): boolean {
  const f = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return STREET.test(f) && /\d/.test(f);
}

