/**
 * Site search: the shared Japanese matcher (public/search.js, loaded here as the browser
 * loads it), the page extraction both indexes are built from, and then, on one built
 * site, both engines: Pagefind in a real Chromium over http, and the file:// fallback index.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPage } from '../src/search/extract.ts';
import { FALLBACK_INDEX_PATH } from '../src/search/fallback-index.ts';
import { pagefindHtml, SECTION_MARK } from '../src/search/pagefind.ts';
import { FIXTURES, ROOT, UPDATE } from './helpers.ts';
import { QUERY_CASES, VARIANT_GROUPS } from './fixtures/search/queries.ts';
import { serveFolder } from './serve.ts';
import { exampleSite, launchBrowser } from './site-helpers.ts';

interface Part {
  text: string;
  mark: boolean;
}
interface Result {
  url: string;
  title: string;
  section: string;
  excerpt: Part[];
}
interface Term {
  raw: string;
  forms: string[];
  surfaces: string[];
}
interface Doc {
  title: string;
  headings: string[];
  body: string;
}
/** What public/search.js puts on `window.BCPSearch`. */
interface SearchApi {
  normalize(text: string): string;
  parseQuery(query: string): { terms: Term[] };
  pagefindQueries(parsed: { terms: Term[] }): string[];
  scoreDocument(doc: Doc, parsed: { terms: Term[] }): { score: number; exact: boolean };
  excerpt(text: string, parsed: { terms: Term[] }): Part[];
  searchIndex(index: unknown, query: string): Result[];
  SECTION_MARK: string;
}

/** Runs public/search.js (and optionally a built fallback index) the way a page does, without a DOM. */
function loadSearch(indexScript?: string): { api: SearchApi; index: unknown } {
  const context: Record<string, unknown> = {};
  context.window = context;
  vm.createContext(context);
  vm.runInContext(readFileSync(path.join(ROOT, 'public', 'search.js'), 'utf8'), context);
  if (indexScript) vm.runInContext(indexScript, context);
  return { api: context.BCPSearch as SearchApi, index: context.BCP_SEARCH_INDEX };
}

const { api: search } = loadSearch();
const doc = (body: string, title = '', headings: string[] = []): Doc => ({ title, headings, body });
const shown = (parts: Part[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('normalising Japanese text and queries', () => {
  it.each([
    ['ＵＳＢ', 'usb'],
    ['ｕｓｂ メモリ', 'usbめもり'],
    ['ｻｰﾊﾞｰ', 'さーば'],
    ['サーバー', 'さーば'],
    ['サーバ', 'さーば'],
    ['サーバールーム', 'さーばーるーむ'],
    ['コンピューター・ウイルス', 'こんぴゅーたういるす'],
    ['ウィルス', 'ういるす'],
    ['バックアップ', 'ばっくあっぷ'],
    ['IT-BCP', 'itbcp'],
    ['3ヶ月', '3か月'],
    ['脆弱性', '脆弱性'],
  ])('%s → %s', (input, expected) => {
    expect(search.normalize(input)).toBe(expected);
  });

  it('splits a query at half- and full-width spaces; every word must match', () => {
    expect(search.parseQuery('USB　メモリ  封筒').terms.map((t) => t.raw)).toEqual(['USB', 'メモリ', '封筒']);
    const parsed = search.parseQuery('USB 封筒');
    expect(search.scoreDocument(doc('USB メモリーを封筒に入れる'), parsed).score).toBeGreaterThan(0);
    expect(search.scoreDocument(doc('USB メモリーを抜く'), parsed).score).toBe(0);
  });

  it('expands listed spelling variants, replacing the longest spelling only', () => {
    expect(search.parseQuery('ぜい弱性').terms[0]!.forms).toEqual(['ぜい弱性', '脆弱性']);
    expect(search.parseQuery('eメール').terms[0]!.surfaces).toEqual(['eメール', 'メール', 'Eメール', '電子メール']);
    // Pagefind only finds what is written, so it is asked for each written form.
    expect(search.pagefindQueries(search.parseQuery('サーバー USB'))).toEqual([
      'サーバー USB',
      'サーバ USB',
      'サーバー ＵＳＢ',
      'サーバー',
      'サーバ',
      'USB',
      'ＵＳＢ',
    ]);
  });

  it('asks Pagefind also for the pieces the browser cuts a word into', () => {
    expect(search.pagefindQueries(search.parseQuery('クラウドサービス'))).toEqual(['クラウドサービス', 'クラ', 'ウド', 'サービス']);
  });
});

describe('matching and ranking', () => {
  it('does not let サイドバー match サイバー (what Pagefind alone does)', () => {
    expect(search.scoreDocument(doc('サイバー攻撃への備え'), search.parseQuery('サイドバー')).score).toBe(0);
    expect(search.scoreDocument(doc('サイバー攻撃への備え'), search.parseQuery('サイバー')).score).toBeGreaterThan(0);
  });

  it('finds a word inside a compound', () => {
    expect(search.scoreDocument(doc('緊急連絡先の一覧'), search.parseQuery('連絡先')).exact).toBe(true);
  });

  it('matches a typo of a long word loosely, below any exact match', () => {
    const loose = search.scoreDocument(doc('バックアップから戻す'), search.parseQuery('バックアプ'));
    expect(loose.exact).toBe(false);
    expect(loose.score).toBeGreaterThan(0);
    expect(loose.score).toBeLessThan(search.scoreDocument(doc('バックアップから戻す'), search.parseQuery('バックアップ')).score);
  });

  it('ranks the title above a heading above the body, and a short page above a long one', () => {
    const q = search.parseQuery('訓練');
    const score = (d: Doc) => search.scoreDocument(d, q).score;
    expect(score(doc('本文', '訓練の手引き'))).toBeGreaterThan(score(doc('本文', '手引き', ['訓練の進め方'])));
    expect(score(doc('本文', '手引き', ['訓練の進め方']))).toBeGreaterThan(score(doc('訓練をする', '手引き')));
    expect(score(doc('訓練をする'))).toBeGreaterThan(score(doc(`訓練をする${'他の話。'.repeat(2000)}`)));
  });

  it('cuts excerpts from the original text and marks the written form, whatever was typed', () => {
    expect(shown(search.excerpt('差出人不明の ＵＳＢ メモリーが届いた', search.parseQuery('usbメモリ')))).toBe('差出人不明の [ＵＳＢ メモリー]が届いた');
    expect(shown(search.excerpt('ファイルサーバーを止める', search.parseQuery('サーバ')))).toBe('ファイル[サーバー]を止める');
  });

  it('keeps excerpts as text: markup in a page is never turned into HTML', () => {
    const parts = search.excerpt('回答: <img src=x onerror=alert(1)> 警察に連絡', search.parseQuery('警察'));
    expect(parts.map((p) => p.text).join('')).toContain('<img src=x onerror=alert(1)>');
    expect(parts.find((p) => p.mark)?.text).toBe('警察');
  });
});

describe('reading a page for the indexes', () => {
  const fixture = path.join(FIXTURES, 'search', 'page.html');
  const expectedFile = path.join(FIXTURES, 'search', 'page.expected.json');

  it('keeps the searchable text in sections with their anchors (fixture)', () => {
    const page = extractPage(readFileSync(fixture, 'utf8'), 'page.html');
    const actual = `${JSON.stringify(page, null, 2)}\n`;
    if (UPDATE) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });

  it('gives Pagefind each section under a marked heading, lines joined without sentence dots', () => {
    const html = pagefindHtml(extractPage(readFileSync(fixture, 'utf8'), 'page.html'));
    expect(html).toContain(`<h2 id="11-目的">${SECTION_MARK} 1.1 目的</h2><p>目的の本文。<br>id のない見出し<br>続きの本文。</p>`);
    expect(html).toContain('data-pagefind-body data-pagefind-meta="title[data-title]" data-title="見本のページ"><p>見本のページ</p>');
    expect(html).not.toContain('索引に入れない行');
  });

  it('uses the same section mark as public/search.js', () => {
    expect(search.SECTION_MARK).toBe(SECTION_MARK);
  });
});

describe('search on the built site', () => {
  const LABEL_QUERY = '見たままに書き留めた';
  let site: string;
  let fallback: { api: SearchApi; index: unknown };
  let glossaryTerms: string[];
  /** Results through Pagefind in Chromium over http, as the search box gets them, per query. */
  const viaPagefind = new Map<string, Result[]>();

  // One build, one browser page, every query in one go: the tests below only compare.
  beforeAll(async () => {
    site = exampleSite();
    fallback = loadSearch(readFileSync(path.join(site, FALLBACK_INDEX_PATH), 'utf8'));
    const glossary = readFileSync(path.join(site, 'glossary.html'), 'utf8');
    glossaryTerms = [...glossary.matchAll(/<dfn[^>]*>([^<]+)<\/dfn>/g)].map((m) => m[1]!);
    const queries = [...new Set([LABEL_QUERY, ...QUERY_CASES.map((c) => c.query), ...VARIANT_GROUPS.flat(), ...glossaryTerms])];
    const server = await serveFolder(site);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/index.html`);
      const results = await page.evaluate(async (qs) => {
        type Engine = { name: string; search(q: string): Promise<Result[]> };
        const engine = await (window as unknown as { BCPSearch: { engine(root: string): Promise<Engine> } }).BCPSearch.engine('./');
        if (engine.name !== 'pagefind') throw new Error(`expected Pagefind over http, got ${engine.name}`);
        const out: Result[][] = [];
        for (const q of qs) out.push(await engine.search(q));
        return out;
      }, queries);
      queries.forEach((q, i) => viaPagefind.set(q, results[i]!));
    } finally {
      await browser.close();
      await server.close();
    }
  });

  const fallbackSearch = (q: string) => fallback.api.searchIndex(fallback.index, q);
  const pageOf = (r: Result | undefined) => (r ? r.url.split('#')[0] : null);
  const urls = (results: Result[] | undefined) => (results ?? []).map((r) => r.url);

  it('writes a Pagefind index without Pagefind’s own UIs, and the fallback index', () => {
    expect(existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(site, 'pagefind', 'pagefind-ui.js'))).toBe(false);
    expect(existsSync(path.join(site, 'search.js'))).toBe(true);
    const pages = (fallback.index as { pages: { url: string }[] }).pages.map((p) => p.url);
    for (const url of ['index.html', 'plan.html', 'contacts.html', 'template.html', 'glossary.html', 'threats/01.html', 'checklists/incident.html']) {
      expect(pages).toContain(url);
    }
    // The print page has no data-pagefind-body: the PDF's source is not a search result.
    expect(pages).not.toContain('print.html');
  });

  it('indexes the checklists’ items, which are <label>s that Pagefind alone would drop', () => {
    expect(viaPagefind.get(LABEL_QUERY)!.map(pageOf)).toContain('checklists/incident.html');
  });

  it.each(QUERY_CASES)('$kind: 「$query」 → $first first, with Pagefind and with the fallback index', ({ query, first }) => {
    expect(pageOf(viaPagefind.get(query)![0])).toBe(first);
    expect(pageOf(fallbackSearch(query)[0])).toBe(first);
  });

  it.each(VARIANT_GROUPS.map((group) => [group.join(' / '), group] as const))('spellings %s give the same results', (_, group) => {
    const expected = urls(viaPagefind.get(group[0]!));
    expect(expected.length).toBeGreaterThan(0);
    for (const spelling of group) {
      expect(urls(viaPagefind.get(spelling)), spelling).toEqual(expected);
      expect(urls(fallbackSearch(spelling)), spelling).toEqual(expected);
    }
  });

  it('both engines give the same results, in the same order, for every glossary term', () => {
    expect(glossaryTerms.length).toBeGreaterThan(30);
    const differing = [...viaPagefind].filter(([q, results]) => JSON.stringify(urls(results)) !== JSON.stringify(urls(fallbackSearch(q))));
    expect(differing.map(([q]) => q)).toEqual([]);
  });
});
