/**
 * From what was typed to the terms to look for.
 *
 * Words are what the query has between spaces. A word that no page contains as written,
 * in any of its spellings, is usually a compound (インシデント対応チェックリスト, 保守用回線):
 * it is split into the fewest pieces of two or more characters that each do occur in the
 * indexed text, which is how the index itself "splits" (it is the text; any substring is a
 * word of it). Pieces then count as terms of their own, so a page can match some of them.
 * Before splitting, a word one character off at an end (バックアプ) is read as the rest.
 * A word that cannot be covered so (サイドバー, a near miss of サイバー) finds nothing,
 * rather than whatever shares two characters with it.
 */
import { normalize } from './normalize.ts';
import { spellings } from './variants.ts';

export interface Term {
  /** The folded text as looked for (a whole word, or one piece of a split compound). */
  text: string;
  /** `text` in each of its spellings, folded; the first is `text`. */
  forms: string[];
  /** Which word of the query the term comes from. */
  word: number;
}

export interface Query {
  text: string;
  terms: Term[];
}

/** Whether a folded form occurs in the indexed text. */
export type Occurs = (folded: string) => boolean;

const MIN_PIECE = 2;

function term(text: string, word: number): Term {
  return { text, forms: spellings(text), word };
}

// Kana, kanji and Latin letters. A cut between two characters of one kind splits a word
// (インシデン|ト); a cut where the kind changes (インシデント|対応) usually does not.
const kind = (c: string) => (/[\u3040-\u30ff]/.test(c) ? 1 : /[\u4e00-\u9fff\u3005]/.test(c) ? 2 : 3);

interface Split {
  pieces: string[];
  /** Cuts between two characters of one kind. */
  inside: number;
  /** Sum of the squared piece lengths: larger when pieces are long. */
  squares: number;
}

const better = (a: Split, b: Split) =>
  a.pieces.length !== b.pieces.length ? a.pieces.length < b.pieces.length : a.inside !== b.inside ? a.inside < b.inside : a.squares > b.squares;

/**
 * The split of `word` into pieces of two or more characters that are all `found`: the
 * fewest pieces, then the fewest cuts inside a run of one kind of character, then the
 * longest pieces. Null when there is none.
 */
export function splitCompound(word: string, found: (piece: string) => boolean): string[] | null {
  // best[i]: the best split of word.slice(0, i).
  const best: (Split | null)[] = [{ pieces: [], inside: 0, squares: 0 }];
  for (let end = 1; end <= word.length; end++) {
    let pick: Split | null = null;
    for (let start = end - MIN_PIECE; start >= 0; start--) {
      const before = best[start];
      if (!before) continue;
      const piece = word.slice(start, end);
      if (!found(piece)) continue;
      const cut = start > 0 && kind(word[start - 1]!) === kind(word[start]!) ? 1 : 0;
      const candidate = { pieces: [...before.pieces, piece], inside: before.inside + cut, squares: before.squares + piece.length ** 2 };
      if (!pick || better(candidate, pick)) pick = candidate;
    }
    best[end] = pick;
  }
  return best[word.length]?.pieces ?? null;
}

/** Parses a query; with `occurs`, words that occur nowhere are split into pieces that do. */
export function parseQuery(query: string, occurs?: Occurs): Query {
  const terms: Term[] = [];
  const words = query.normalize('NFKC').split(/\s+/).map(normalize).filter(Boolean);
  words.forEach((word, i) => {
    const whole = term(word, i);
    if (!occurs || word.length < 2 * MIN_PIECE) {
      terms.push(whole);
      return;
    }
    const found = (text: string) => spellings(text).some((form) => occurs(form));
    // As typed; else one character too many or too few at an end (バックアプ for バックアップ).
    const near = [word, word.slice(0, -1), word.slice(1)].find(found);
    if (near) {
      terms.push(term(near, i));
      return;
    }
    const pieces = splitCompound(word, found);
    if (!pieces) terms.push(whole);
    else for (const piece of pieces) terms.push(term(piece, i));
  });
  return { text: query, terms };
}
