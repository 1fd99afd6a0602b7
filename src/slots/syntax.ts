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
  /** `#12` without its closing `#`, or `12#` without its opening `#`. */
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

/** True when the text holds anything that looks like a slot marker or half of one. */
export function hasMarkerLike(text: string): boolean {
  const { markers, halves } = scanMarkers(text);
  return markers.length > 0 || halves.length > 0;
}
