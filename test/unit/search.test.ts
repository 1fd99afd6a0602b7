/**
 * Site search without a build: the query pipeline (folding, particles, spellings and the
 * glossary's synonyms), the tokeniser, and the file-share engine over a small MiniSearch
 * index made as the build makes it (the library's ranking, fuzzy and prefix matching).
 */
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { fileSearch, holds, type Part } from '../../src/browser/search/engine.ts';
import { loadGlossary } from '../../src/glossary/load.ts';
import { fileDoc } from '../../src/search/file-index.ts';
import { INDEX_OPTIONS, unpackIndex, type FileDoc } from '../../src/search/format.ts';
import { alternatives, bigrams, canonical, cleanQuery, fold, spellingGroups, tokens } from '../../src/search/pipeline.ts';
import { ROOT } from '../helpers.ts';

const shown = (parts: Part[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('folding and tokens', () => {
  it.each([
    ['ＵＳＢ', 'usb'],
    ['ｻｰﾊﾞｰ', 'さーば'],
    ['サーバー', 'さーば'],
    ['サーバ', 'さーば'],
    ['ウィルス', 'ういるす'],
    ['IT-BCP', 'itbcp'],
  ])('%s → %s', (input, expected) => expect(fold(input)).toBe(expected));

  it('cuts text into words with Intl.Segmenter, folded', () => {
    expect(tokens('ｕｓｂメモリー')).toEqual(['usb', 'めもり']);
    expect(tokens('緊急連絡先一覧')).toEqual(['緊急', '連絡先', '一覧']);
  });

  it('adds character bigrams of words of three characters or more only', () => {
    expect(bigrams('ログ')).toEqual([]);
    expect(bigrams('ログイン')).toEqual(['ろぐ', 'ぐい', 'いん']);
  });
});

describe('one spelling in the index and the query', () => {
  it('writes each known spelling as the first of its group, so a page scores the same whichever it uses', () => {
    expect(canonical('情報の漏えいと改ざん')).toBe('情報の漏洩と改竄');
    expect(tokens('漏えい')).toEqual(tokens('漏洩'));
    expect(bigrams('パスワードの漏えい')).toEqual(bigrams('パスワードの漏洩'));
    expect(canonical('漏れる')).toBe('漏れる');
  });
});

describe('the http filter over Pagefind results', () => {
  it('wants a kana word of 3–4 characters somewhere in the page, a short one as a word, and leaves kanji and long (maybe mistyped) words to Pagefind', () => {
    const text = 'サイドの扉とバーコードの話。ログインの手順。';
    expect(holds(text, [[fold('サイドバー')]])).toBe(false);
    expect(holds(text, [[fold('バーコード')]])).toBe(true);
    expect(holds(text, [[fold('ログ')]])).toBe(false);
    expect(holds(text, [[fold('ログイン')]])).toBe(true);
    expect(holds(text, [[fold('扉')]])).toBe(true);
    expect(holds(text, [[fold('ソーシャルエンジニアリンク')]])).toBe(true);
    expect(holds(text, [[fold('サイドバー')], [fold('バーコード')]])).toBe(true);
  });
});

describe('reading a query', () => {
  it.each([
    ['USBメモリを拾った', 'USBメモリ'],
    ['コピー機が動かない', 'コピー機'],
    ['パスワードを忘れた', 'パスワード'],
    ['ウイルスに感染した', 'ウイルス 感染'],
    ['メールの添付', 'メール 添付'],
    ['ばっくあっぷ', 'バックアップ'],
    ['ＵＳＢ　封筒', 'USB 封筒'],
  ])('%s → %s', (query, expected) => expect(cleanQuery(query)).toBe(expected));

  it('swaps known spellings for each other', () => {
    const groups = spellingGroups();
    expect(alternatives('ぜい弱性', groups)).toEqual(['ぜい弱性', '脆弱性']);
    expect(alternatives('パスワード 漏えい', groups)).toContain('パスワード 漏洩');
    expect(alternatives('持ち込みパソコン', groups)).toEqual(expect.arrayContaining(['持込パソコン', '持ち込みPC']));
  });

  it("takes staff's words from the glossary's synonyms (content/glossary.yaml)", () => {
    const terms = loadGlossary(undefined, { cwd: ROOT }).terms!;
    const groups = spellingGroups(terms.filter((t) => t.synonyms.length > 0).map((t) => [t.term, ...t.aliases, ...t.synonyms]));
    expect(alternatives('コピー機が動かない', groups)).toContain('複合機');
    expect(alternatives('在庫端末', groups)).toContain('ハンディターミナル');
    expect(alternatives('通信機器', groups)).toContain('ネットワーク機器');
  });
});

describe('the file-share engine (MiniSearch)', () => {
  const doc = (id: number, url: string, title: string, text: string, anchors: FileDoc['anchors'] = []): FileDoc => ({
    id,
    url,
    title,
    headings: anchors.map((a) => a[2]).join('\n'),
    text,
    anchors,
    weight: 1,
  });
  const docs = [
    doc(0, 'login.html', 'アカウント', 'ログインの画面に、知らない場所からのサインインが記録されていた。'),
    doc(1, 'logs.html', '記録を残す', 'サーバーのログを毎日集める。ログは証拠になる。'),
    doc(2, 'handy.html', 'ハンディターミナル', '倉庫でバーコードを読む端末。'),
    doc(3, 'backup.html', '戻す', 'はじめに。\n\nバックアップの取り方。オフラインの媒体に毎日バックアップを取る。', [
      [6, 'backup-how', 'バックアップの取り方'],
    ]),
    doc(4, 'mfp.html', '事務機', '複合機の設定を確かめる。'),
  ];
  const index = new MiniSearch<FileDoc>(INDEX_OPTIONS);
  index.addAll(docs);
  const search = fileSearch(
    JSON.parse(JSON.stringify(index)) as object,
    spellingGroups([
      ['複合機', 'コピー機'],
      ['ハンディターミナル', '在庫端末'],
    ]),
  );
  const urls = (query: string) => search(query).map((r) => r.url.replace(/#.*/, ''));

  it('finds ログ as a word, not inside ログイン', () => {
    expect(urls('ログ')).toEqual(['logs.html']);
  });

  it('finds a word one character off (バックアプ), and the start of a long word (ハンディターミナ)', () => {
    expect(urls('バックアプ')[0]).toBe('backup.html');
    expect(urls('ハンディターミナ')[0]).toBe('handy.html');
  });

  it('finds a page by a synonym, a variant spelling and a query with a particle and a verb', () => {
    expect(urls('コピー機')[0]).toBe('mfp.html');
    expect(urls('在庫端末が動かない')[0]).toBe('handy.html');
    expect(urls('サーバのログを見た')[0]).toBe('logs.html');
  });

  it('finds nothing for a word no page has', () => {
    expect(urls('サイドバー')).toEqual([]);
  });

  it('links to the section of the match and marks it in the snippet', () => {
    const [hit] = search('バックアップ');
    expect(hit!.url).toBe('backup.html#backup-how');
    expect(hit!.section).toBe('バックアップの取り方');
    expect(shown(hit!.excerpt)).toContain('[バックアップ]の取り方');
  });
});

describe('the index file', () => {
  it('reads Pagefind fragments: words joined back, heading anchors at their place in the text', () => {
    const d = fileDoc(
      {
        url: '/a/b.html',
        content: 'はじめ\u200bに. \u200bバック\u200bアップ\u200bの\u200b取り方. \u200bUSB メモリ',
        meta: { title: 'B', weight: '0.5' },
        anchors: [{ element: 'h2', id: 'how', text: 'バックアップの取り方', location: 2 }],
      },
      7,
    );
    expect(d).toMatchObject({ id: 7, url: 'a/b.html', title: 'B', weight: 0.5, text: 'はじめに. バックアップの取り方. USB メモリ' });
    expect(d.text.slice(d.anchors[0]![0])).toMatch(/^バックアップの取り方/);
  });

  it('unpacks gzip in base64 with the platform DecompressionStream', async () => {
    expect(await unpackIndex(gzipSync(JSON.stringify({ a: 'ログ' })).toString('base64'))).toEqual({ a: 'ログ' });
  });
});
