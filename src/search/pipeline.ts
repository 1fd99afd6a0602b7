/**
 * One query pipeline for both engines (Pagefind over http, MiniSearch from a file share),
 * and the tokeniser of the file-share index. Pure: the build (Node) and the browser bundle
 * run this same file.
 *
 * - `fold`: width, case, katakana → hiragana, small vowels (ウィ/ウイ), a word-final ー.
 * - `tokens`: Intl.Segmenter('ja') words, folded.
 * - `alternatives`: the query as typed, without particles and a trailing verb, then with each
 *   known spelling or staff word replaced by the others of its group (VARIANTS here, synonyms
 *   from content/glossary.yaml, written into the site at build time).
 */

/** Spellings folding cannot see, that must find the same pages. */
export const VARIANTS: readonly (readonly string[])[] = [
  ['メール', '電子メール', 'eメール'],
  ['パソコン', 'PC'],
  ['脆弱性', 'ぜい弱性'],
  ['漏洩', '漏えい'],
  ['改竄', '改ざん'],
  ['隠蔽', '隠ぺい'],
  ['ログイン', 'ログオン', 'サインイン'],
  ['問い合わせ', '問合せ'],
  ['持ち込み', '持込み', '持込'],
  ['持ち出し', '持出し', '持出'],
  ['二要素認証', '2要素認証', '多要素認証'],
  ['WiFi', 'Wi-Fi', '無線LAN'],
];

const SMALL: Readonly<Record<string, string>> = { ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', ゎ: 'わ' };

export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/([\u30a1-\u30fa])ー(?![\u30a1-\u30fa])/g, '$1')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[ぁぃぅぇぉゎ]/g, (c) => SMALL[c]!)
    .replace(/[-‐・･]/g, '');
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** The words of `text`, as written (no folding). */
export const words = (text: string): string[] =>
  [...segmenter.segment(text.normalize('NFKC').replace(/\u200b/g, ''))].filter((s) => s.isWordLike).map((s) => s.segment);

/**
 * The text with each known spelling written as the first of its group (漏えい → 漏洩), so the
 * index and the query hold one spelling and a page scores the same whichever it uses.
 */
const SPELLINGS: ReadonlyArray<[RegExp, string]> = VARIANTS.map((group) => [
  new RegExp(
    [...group]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.normalize('NFKC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'gi',
  ),
  group[0]!,
]);
export const canonical = (text: string): string => SPELLINGS.reduce((t, [pattern, first]) => t.replace(pattern, first), text.normalize('NFKC'));

/** Folded words, each spelling as its group's first: what the file-share index holds. */
export const tokens = (text: string): string[] => words(canonical(text)).map(fold).filter(Boolean);

/**
 * Character bigrams of each run of text between spaces and punctuation (folded), so they
 * bridge wherever the segmenter cut; a run of fewer than three characters gives none
 * (a two-character query is a word: ログ must not match ログイン).
 */
export const bigrams = (text: string): string[] =>
  fold(canonical(text.replace(/\u200b/g, '')))
    .split(/[\s\p{P}\p{S}]+/u)
    .flatMap((run) => (run.length < 3 ? [] : Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2))));

const KANA = /^[ぁ-ゖー]+$/;

/**
 * The query without particles and a trailing verb: 「USBメモリを拾った」→ USBメモリ,
 * 「ウイルスに感染した」→ ウイルス 感染 (a する-verb keeps its noun).
 */
export function cleanQuery(query: string): string {
  const text = query.normalize('NFKC').trim().replace(/\s+/g, ' ');
  // All in hiragana (ばっくあっぷ): a katakana word typed without converting it, read as katakana.
  if (KANA.test(text.replace(/ /g, ''))) return text.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  const cut = text
    .replace(/([\u4e00-\u9fff]{2,})(?:する|した|して|しない|された|できない|できず)$/, '$1')
    .replace(/(?<=[^\sぁ-ゖ])(?:を|が|に|で|へ)[\u4e00-\u9fff]?[ぁ-ゖ]+$/, '')
    .replace(/(?<=[^\sぁ-ゖ])(?:を|が|は|に|で|へ|と|の|から|まで)(?=[^\sぁ-ゖ])/g, ' ')
    .trim();
  return cut || text;
}

/** Groups of spellings: VARIANTS and the glossary's synonyms (each with its term). */
export const spellingGroups = (synonyms: readonly (readonly string[])[] = []): string[][] =>
  [...VARIANTS, ...synonyms].map((group) => [...group].sort((a, b) => b.length - a.length));

/** The cleaned query, then the same with a known spelling or synonym swapped for each other of its group. */
export function alternatives(query: string, groups: readonly (readonly string[])[], max = 6): string[] {
  const base = cleanQuery(query);
  const lower = base.toLowerCase();
  const out = new Set([base]);
  for (const group of groups) {
    const found = group.find((member) => lower.includes(member.normalize('NFKC').toLowerCase()));
    if (!found) continue;
    const at = lower.indexOf(found.normalize('NFKC').toLowerCase());
    for (const other of group) out.add(base.slice(0, at) + other + base.slice(at + found.normalize('NFKC').length));
  }
  return [...out].slice(0, max);
}
