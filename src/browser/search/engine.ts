/**
 * Both engines behind one query pipeline (src/search/pipeline.ts), answering with the same
 * results: Pagefind over http(s), MiniSearch from a file share. Ranking, fuzzy and prefix
 * matching are the libraries'; ours is only which words to ask for.
 */
import MiniSearch, { type Query } from 'minisearch';
import { INDEX_OPTIONS, type FileDoc } from '../../search/format.ts';
import { alternatives, bigrams, cleanQuery, fold, tokens } from '../../search/pipeline.ts';

export interface Part {
  text: string;
  mark: boolean;
}
export interface Result {
  /** Relative to the site root, with the section's anchor. */
  url: string;
  title: string;
  section: string;
  excerpt: Part[];
}
export type Search = (query: string) => Promise<Result[]>;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

const SHOWN = 20;
/** A folded word this long may be a typo: the file-share engine matches it loosely (MiniSearch's fuzzy). */
const FUZZY_FROM = 5;

/** The MiniSearch query for one typed query: its words in title, headings and text, its bigrams as a weaker fallback. */
export function fileQuery(query: string, groups: readonly (readonly string[])[]): Query {
  return {
    combineWith: 'OR',
    queries: alternatives(query, groups).map((alt): Query => {
      // A word of two characters (ログ) matches only itself, never the start of a longer one (ログイン);
      // a lone kana (ば of サイド|バー) is no word to look for; one of five or more may be one
      // character off (バックアプ). Bigrams, all of them, catch other cuts.
      const words: Query = {
        queries: tokens(alt).filter((t) => !/^[ぁ-ゖ]$/.test(t)),
        fields: ['title', 'headings', 'text'],
        boost: { title: 4, headings: 2 },
        prefix: (t: string) => t.length >= 3,
        fuzzy: (t: string) => (t.length >= FUZZY_FROM ? 0.2 : false),
      };
      const grams = bigrams(alt);
      return grams.length === 0
        ? words
        : { combineWith: 'OR', queries: [words, { queries: grams, fields: ['grams'], boost: { grams: 0.2 }, combineWith: 'AND' }] };
    }),
  };
}

/**
 * Text around the first word that matched, the matched words marked. Only a window of the
 * text is cut into words: the one around where a term first shows in the text (`near`).
 */
export function snippet(text: string, matched: (word: string) => boolean, near = 0, around = 40): { parts: Part[]; at: number } {
  const start = Math.max(0, near - around * 2);
  const window = text.slice(start, near + around * 4);
  const segments = [...segmenter.segment(window)].map((s) => ({ ...s, index: s.index + start }));
  const hit = segments.findIndex((s) => s.isWordLike && matched(fold(s.segment)));
  const at = hit < 0 ? start : segments[hit]!.index;
  const from = Math.max(0, at - around);
  const parts: Part[] = from > 0 ? [{ text: '…', mark: false }] : [];
  for (const s of segments) {
    if (s.index < from || s.index > at + around * 2) continue;
    const mark = s.isWordLike === true && matched(fold(s.segment));
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += s.segment;
    else parts.push({ text: s.segment, mark });
  }
  return { parts, at };
}

// Kana folded, lengths kept: where a (folded) term first shows in a text, near enough.
const kana = (text: string) => text.toLowerCase().replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** The file-share engine over a loaded index (pure: the tests and the bench run it in Node). */
export function fileSearch(index: object, groups: readonly (readonly string[])[]): (query: string) => Result[] {
  const search = MiniSearch.loadJS<FileDoc>(index as never, INDEX_OPTIONS);
  return (query) =>
    search
      .search(fileQuery(query, groups))
      .slice(0, SHOWN)
      .map((hit) => {
        const terms = new Set(hit.terms);
        const text = hit.text as string;
        const folded = kana(text);
        // Land on the heading that names the most of the query (対策本部 → 「対策本部の設置」), else where it first shows.
        const anchors = hit.anchors as FileDoc['anchors'];
        const naming = anchors.map((a) => hit.terms.filter((t) => kana(a[2]).includes(t)).length);
        const named = Math.max(0, ...naming) > 0 ? anchors[naming.indexOf(Math.max(...naming))] : undefined;
        const from = named?.[0] ?? 0;
        const first = (t: string) => (t.length <= 2 ? wordAt(text.slice(from), t) : folded.indexOf(t, from) - from);
        const near = from + Math.max(0, Math.min(...hit.terms.map(first).filter((i) => i >= 0)));
        const { parts, at } = snippet(
          text,
          (w) => terms.has(w) || hit.terms.some((t) => t.length >= 3 && w.startsWith(t)),
          Number.isFinite(near) ? near : from,
        );
        const anchor = named ?? anchors.filter(([offset]) => offset <= at).at(-1);
        return { url: hit.url + (anchor ? `#${anchor[1]}` : ''), title: hit.title as string, section: anchor?.[2] ?? '', excerpt: parts };
      });
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{
    url: string;
    content: string;
    excerpt: string;
    meta: { title?: string };
    sub_results: { url: string; title: string; excerpt: string; locations: number[] }[];
  }>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  search(q: string): Promise<{ results: PagefindResult[] }>;
}

/** `a <mark>b</mark> c` (HTML from Pagefind) as parts, decoded as text. */
function markedParts(html: string): Part[] {
  const text = (s: string) => new DOMParser().parseFromString(s, 'text/html').body.textContent ?? '';
  return html.split(/<\/?mark>/).map((s, i) => ({ text: text(s), mark: i % 2 === 1 }));
}

/**
 * Pagefind does not see the page title (a meta): a title that holds the whole query counts,
 * the more the larger the share of the title it is (連絡先 in 緊急連絡先 over a long title).
 */
export function titleBoost(query: string, title: string): number {
  const q = fold(cleanQuery(query)).replace(/\s+/g, '');
  const t = fold(title).replace(/\s+/g, '');
  return q.length > 0 && t.includes(q) ? 1 + (2 * q.length) / t.length : 1;
}

/**
 * Where `text` first has the folded `word` as a word of its own (by Intl.Segmenter; with
 * `prefix`, also as the start of a longer one), not inside another (ログ in ログイン); -1 if nowhere.
 */
export function wordAt(text: string, word: string, prefix = false): number {
  const folded = kana(text);
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
    const from = Math.max(0, at - 12);
    for (const s of segmenter.segment(text.slice(from, at + word.length + 12))) {
      if (s.index + from !== at) continue;
      const w = fold(s.segment);
      if (w === word || (prefix && w.startsWith(word))) return at;
    }
  }
  return -1;
}

/**
 * Whether a page's text has each typed kana or Latin word of one of the alternatives, by the
 * file-share engine's own rules: a short one (two characters or fewer) as a whole word, since
 * Pagefind matches the start of a word and ログ is not ログイン; one of three or four anywhere in
 * the text, since Pagefind's segmentation splits a loanword it does not know (サイドバー) into
 * pieces that other words hold; one of FUZZY_FROM or more may be a typo, left to Pagefind like
 * the words with kanji.
 */
export function holds(content: string, alternatives: readonly (readonly string[])[]): boolean {
  let folded: string | undefined;
  return alternatives.some((typed) =>
    typed.every((w) => {
      if (/[\u4e00-\u9fff]/.test(w)) return true;
      if (w.length >= FUZZY_FROM) return true;
      if (w.length > 2) return (folded ??= fold(content)).includes(w);
      return wordAt(content, w) >= 0;
    }),
  );
}

/** Pagefind over http(s): every alternative of the query, results merged by their best score. */
export async function pagefindSearch(root: URL, groups: readonly (readonly string[])[]): Promise<Search> {
  const pagefind = (await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', root).href)) as Pagefind;
  await pagefind.options({ baseUrl: root.pathname });
  return async (query) => {
    const alts = alternatives(query, groups);
    const wanted = alts.map((alt) => fold(alt).split(/\s+/).filter(Boolean));
    const best = new Map<string, PagefindResult>();
    for (const found of await Promise.all(alts.map((alt) => pagefind.search(alt)))) {
      for (const r of found.results) if ((best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, r);
    }
    const top = [...best.values()].sort((a, b) => b.score - a.score).slice(0, SHOWN);
    const results = await Promise.all(
      top.map(async (r) => {
        const data = await r.data();
        if (!holds(data.content, wanted)) return undefined;
        // The section with the most matches.
        const sub = data.sub_results.filter((s) => s.url.includes('#')).sort((a, b) => b.locations.length - a.locations.length)[0];
        const path = (sub?.url ?? data.url).replace(root.pathname, '');
        const title = data.meta.title ?? data.url;
        return {
          score: r.score * titleBoost(query, title),
          result: { url: path, title, section: sub?.title ?? '', excerpt: markedParts(sub?.excerpt ?? data.excerpt) },
        };
      }),
    );
    return results
      .filter((r) => r !== undefined)
      .sort((a, b) => b.score - a.score)
      .map((r) => r.result);
  };
}
