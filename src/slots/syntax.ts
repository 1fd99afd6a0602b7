/**
 * The slot marker syntax, shared by every stage that looks for slots: the remark
 * plugin that resolves them in content and the guard over the built HTML.
 *
 * A slot is `#N#sample#N#` (N = 1–99). People also type full-width `＃３＃` and the
 * public template itself spells `# 3#` or `#16 #`; those are accepted and reported as
 * `nonstandard` so a warning can give the normalised spelling.
 */

export const MIN_SLOT_ID = 1;
export const MAX_SLOT_ID = 99;

export interface Marker {
  /** Offset of the first character of the marker in the searched text. */
  start: number;
  /** Offset just after the marker. */
  end: number;
  /** The marker as written, e.g. `# 3#`. */
  raw: string;
  /** The slot number; NaN-free, but may be out of range (see `malformed`). */
  id: number;
  /** The normalised spelling, e.g. `#3#`. */
  canonical: string;
  /** Written with spaces, full-width characters or leading zeros. */
  nonstandard: boolean;
}

export interface HalfMarker {
  start: number;
  end: number;
  raw: string;
}

export interface MarkerScan {
  markers: Marker[];
  /**
   * `#12` without its closing `#`, or `12#` without its opening `#`. Ordinary text
   * (`issue #12`, `C#7`) unless a marker of the same number is beside it.
   */
  halves: HalfMarker[];
}

const SPACE = '[ \\t\\u3000]*';
const HASH = '[#＃]';
const DIGITS = '[0-9０-９]+';
const FULL = new RegExp(`${HASH}${SPACE}(${DIGITS})${SPACE}${HASH}`, 'g');
const HALF = new RegExp(`${HASH}${SPACE}${DIGITS}|${DIGITS}${SPACE}${HASH}`, 'g');

/** Converts full-width digits to ASCII and parses the slot number. */
export function parseSlotNumber(digits: string): number {
  const ascii = digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return Number.parseInt(ascii, 10);
}

export function isSlotIdInRange(id: number): boolean {
  return Number.isInteger(id) && id >= MIN_SLOT_ID && id <= MAX_SLOT_ID;
}

export function canonicalMarker(id: number): string {
  return `#${id}#`;
}

/** Finds every slot marker, and every half of one, in a run of text. */
export function scanMarkers(text: string): MarkerScan {
  const markers: Marker[] = [];
  for (const match of text.matchAll(FULL)) {
    const raw = match[0];
    const id = parseSlotNumber(match[1]!);
    const canonical = canonicalMarker(id);
    markers.push({ start: match.index, end: match.index + raw.length, raw, id, canonical, nonstandard: raw !== canonical });
  }
  // Blank out whole markers so that their own `3#` is not taken for a half.
  let masked = text;
  for (const m of markers) masked = masked.slice(0, m.start) + ' '.repeat(m.raw.length) + masked.slice(m.end);
  const halves: HalfMarker[] = [];
  for (const match of masked.matchAll(HALF)) {
    halves.push({ start: match.index, end: match.index + match[0].length, raw: match[0] });
  }
  return { markers, halves };
}

/** How a parsed text value lines up with the source it came from. */
export interface SourceMap {
  /** Source offset of each character of the value. */
  offsets: number[];
  /** Whether the character was written escaped (`\#`) or as a character reference (`&#35;`). */
  escaped: boolean[];
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const REFERENCE = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
/** The named references worth knowing here; others are stepped over without being read. */
const NAMED: Record<string, string> = { num: '#', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeReference(body: string): string | undefined {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return NAMED[body];
}

/**
 * Lines up a Markdown text value with `source[start, end)`: the parser drops escapes,
 * decodes character references and strips indentation or `>` prefixes, so the value's
 * offsets are not the source's. Whatever the source has in between is stepped over.
 */
export function alignToSource(value: string, source: string, start: number, end: number): SourceMap {
  const offsets: number[] = [];
  const escaped: boolean[] = [];
  let j = start;
  for (let i = 0; i < value.length;) {
    const c = value[i]!;
    let matched = 0;
    let k = j;
    for (; k < end; k++) {
      if (source[k] === '\\' && source[k + 1] === c && PUNCTUATION.test(c)) {
        matched = 1;
        offsets[i] = k;
        escaped[i] = true;
        j = k + 2;
        break;
      }
      if (source[k] === '&') {
        const ref = REFERENCE.exec(source.slice(k, k + 40));
        const decoded = ref ? decodeReference(ref[1]!) : undefined;
        if (ref && decoded && value.startsWith(decoded, i)) {
          matched = decoded.length;
          for (let d = 0; d < decoded.length; d++) {
            offsets[i + d] = k;
            escaped[i + d] = true;
          }
          j = k + ref[0].length;
          break;
        }
      }
      if (source[k] === c) {
        matched = 1;
        offsets[i] = k;
        escaped[i] = false;
        j = k + 1;
        break;
      }
    }
    if (matched === 0) {
      // Not in the source as such (a reference this table does not know): keep the place.
      offsets[i] = Math.min(j, Math.max(start, end - 1));
      escaped[i] = false;
      matched = 1;
    }
    i += matched;
  }
  return { offsets, escaped };
}

/** The slots a run of markers makes, and what does not pair up. */
export interface SlotPairing<M, H> {
  /** Opening and closing marker of each slot, in order. */
  pairs: Array<[M, M]>;
  /** A marker left open, and the marker of another number that came next, if any. */
  unclosed: Array<{ open: M; next?: M }>;
  /** Markers whose number is outside 1–99: never a slot. */
  outOfRange: M[];
  /** Halves (`#12`) beside a marker of the same number: a marker someone broke. */
  broken: Array<{ half: H; marker: string }>;
}

/**
 * How the markers of one run (a paragraph, heading or table cell; one checklist field)
 * pair up into slots. Every place slots are read uses this, so they agree on what a slot is:
 * two markers of the same number in a row make a slot; a marker followed by one of another
 * number is unclosed; a lone `#12` is text unless a marker of the same number is beside it.
 */
export function pairSlots<M, H>(markers: readonly M[], halves: readonly H[], markerOf: (m: M) => Marker, rawOf: (h: H) => string): SlotPairing<M, H> {
  const result: SlotPairing<M, H> = { pairs: [], unclosed: [], outOfRange: [], broken: [] };
  const canonical = new Map(markers.map((m) => [markerOf(m).id, markerOf(m).canonical]));
  for (const half of halves) {
    const marker = canonical.get(parseSlotNumber(/[0-9０-９]+/.exec(rawOf(half))![0]));
    if (marker) result.broken.push({ half, marker });
  }
  let open: M | undefined;
  for (const m of markers) {
    if (!isSlotIdInRange(markerOf(m).id)) {
      result.outOfRange.push(m);
      continue;
    }
    if (!open) {
      open = m;
    } else if (markerOf(open).id === markerOf(m).id) {
      result.pairs.push([open, m]);
      open = undefined;
    } else {
      result.unclosed.push({ open, next: m });
      open = m;
    }
  }
  if (open) result.unclosed.push({ open });
  return result;
}
