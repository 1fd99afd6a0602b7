/**
 * Folding Japanese text for matching. Page text, index and query all go through
 * `normalize`, so a match never depends on how a word was typed: width (ＵＳＢ), case,
 * katakana/hiragana, small vowels (ウィルス/ウイルス), a word-final long vowel mark
 * (サーバー/サーバ), spaces and punctuation (USB メモリ = USBメモリ, IT-BCP = ITBCP).
 */

const KATAKANA = /[\u30A1-\u30FA\u30FC\u30FD\u30FE]/;
const SKIP = /[\p{P}\p{S}\s]/u;
const SMALL: Readonly<Record<string, string>> = { ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', ゎ: 'わ', ゕ: 'か', ゖ: 'か' };
// A base character with what belongs to it (combining and half-width voicing marks).
const CLUSTER = /[\s\S][\u3099\u309A\uFF9E\uFF9F\p{M}]*/gu;

export interface Folded {
  text: string;
  /** For each folded character, where its source starts and ends in the original text. */
  starts: number[];
  ends: number[];
}

/** Folds `text` and keeps, per folded character, its place in the original (to cut excerpts). */
export function normalizeWithMap(text: string): Folded {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const kata: boolean[] = [];
  // Whether a space or a symbol was dropped just before chars[i] (a word boundary).
  const gap: boolean[] = [];
  let dropped = false;
  for (const m of text.matchAll(CLUSTER)) {
    for (const c of m[0].normalize('NFKC').toLowerCase()) {
      if (SKIP.test(c)) {
        dropped = true;
        continue;
      }
      chars.push(c);
      from.push(m.index);
      to.push(m.index + m[0].length);
      kata.push(KATAKANA.test(c));
      gap.push(dropped);
      dropped = false;
    }
  }
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let j = 0; j < chars.length; j++) {
    let ch = chars[j]!;
    // サーバー → サーバ: drop a long vowel mark that ends a katakana word.
    if (ch === 'ー' && kata[j - 1] && !(kata[j + 1] && !gap[j + 1])) continue;
    const code = ch.charCodeAt(0);
    if (code >= 0x30a1 && code <= 0x30f6) ch = String.fromCharCode(code - 0x60);
    ch = SMALL[ch] ?? ch;
    out += ch;
    starts.push(from[j]!);
    ends.push(to[j]!);
  }
  return { text: out, starts, ends };
}

export function normalize(text: string): string {
  return normalizeWithMap(text).text;
}
