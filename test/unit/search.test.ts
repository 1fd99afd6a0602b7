/**
 * Site search, the parts that need no build: folding Japanese, reading a query (spellings,
 * compounds), ranking, excerpts, the packed index, and reading a page for the index.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, unpack, type Result } from '../../src/browser/search/engine.ts';
import { excerpt, type Part } from '../../src/browser/search/excerpt.ts';
import { normalize } from '../../src/browser/search/normalize.ts';
import { parseQuery, splitCompound } from '../../src/browser/search/query.ts';
import { rank, toDoc, type Page } from '../../src/browser/search/rank.ts';
import { spellings } from '../../src/browser/search/variants.ts';
import { extractPage } from '../../src/search/extract.ts';
import { packIndex, packRuns } from '../../src/search/index-file.ts';
import { FIXTURES, UPDATE } from '../helpers.ts';

const shown = (parts: Part[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
const page = (url: string, title: string, text: string, more: Partial<Page> = {}): Page => ({ url, title, sections: [{ id: '', heading: '', text }], ...more });
/** Urls in ranked order for `query` over `pages`, splitting compounds against their text. */
function ranked(pages: Page[], query: string): string[] {
  const docs = pages.map(toDoc);
  const corpus = docs.map((d) => `${d.title}\n${d.body}`).join('\n');
  return rank(
    docs,
    parseQuery(query, (form) => corpus.includes(form)),
  ).map((r) => r.doc.page.url);
}

describe('folding Japanese text and queries', () => {
  it.each([
    ['ＵＳＢ', 'usb'],
    ['ｕｓｂ メモリ', 'usbめもり'],
    ['ｻｰﾊﾞｰ', 'さーば'],
    ['サーバー', 'さーば'],
    ['サーバ', 'さーば'],
    ['サーバールーム', 'さーばーるーむ'],
    ['コンピューター・ウイルス', 'こんぴゅーたういるす'],
    ['ウィルス', 'ういるす'],
    ['IT-BCP', 'itbcp'],
    ['3ヶ月', '3か月'],
    ['脆弱性', '脆弱性'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('lists the spellings of a word, replacing the longest spelling found only', () => {
    expect(spellings(normalize('ぜい弱性'))).toEqual(['ぜい弱性', '脆弱性']);
    expect(spellings(normalize('eメール'))).toEqual(['eめーる', '電子めーる', 'めーる']);
    expect(spellings(normalize('持ち込みパソコン'))).toEqual(expect.arrayContaining(['持込ぱそこん', '持ち込みpc']));
  });

  it('splits a query at half- and full-width spaces', () => {
    expect(parseQuery('USB　メモリ  封筒').terms.map((t) => t.text)).toEqual(['usb', 'めもり', '封筒']);
  });
});

describe('reading compounds the way the index has them', () => {
  const text = 'インシデントが起きたら対応チェックリストを開く。保守用の回線を抜く。サイバー攻撃。';
  const folded = normalize(text);
  const occurs = (form: string) => folded.includes(form);

  it('keeps a word that occurs as it is', () => {
    expect(parseQuery('対応チェックリスト', occurs).terms.map((t) => t.text)).toEqual(['対応ちえっくりすと']);
  });

  it('splits a compound no text has whole into the fewest pieces, cutting where the kind of character changes', () => {
    expect(parseQuery('インシデント対応チェックリスト', occurs).terms.map((t) => t.text)).toEqual(['いんしでんと', '対応ちえっくりすと']);
    expect(parseQuery('保守用回線', occurs).terms.map((t) => t.text)).toEqual(['保守用', '回線']);
    expect(splitCompound('abcd', (p) => p === 'ab' || p === 'cd' || p === 'abc')).toEqual(['ab', 'cd']);
  });

  it('reads a word one character off at an end as the rest of it', () => {
    expect(parseQuery('サイバー攻', occurs).terms.map((t) => t.text)).toEqual(['さいば攻']);
  });

  it('finds nothing for a word that is only close to one the text has (サイドバー / サイバー)', () => {
    const pages = [page('a.html', 'A', text)];
    expect(ranked(pages, 'サイドバー')).toEqual([]);
    expect(ranked(pages, 'サイバー')).toEqual(['a.html']);
  });
});

describe('ranking', () => {
  it('puts a page with every term first, then pages with the rarer terms', () => {
    const pages = [
      page('both.html', 'B', 'USB メモリーを封筒に入れる'),
      page('usb1.html', 'U', 'USB メモリーを抜く'),
      page('usb2.html', 'V', 'USB の話'),
      page('rare.html', 'R', '封筒を用意する'),
    ];
    expect(ranked(pages, 'USB 封筒').slice(0, 2)).toEqual(['both.html', 'rare.html']);
    expect(ranked(pages, 'USB 封筒')).toHaveLength(4);
  });

  it('ranks a compound by how many of its pieces a page has', () => {
    const pages = [page('one.html', 'A', 'インシデントの記録'), page('two.html', 'B', '保守用の回線を止める'), page('three.html', 'C', '回線の契約')];
    expect(ranked(pages, '保守用回線')).toEqual(['two.html', 'three.html']);
  });

  it('ranks the title above a heading above the text, and a short page above a long one', () => {
    const pages = [
      page('text.html', '手引き', '訓練をする'),
      { url: 'heading.html', title: '手引き', sections: [{ id: 'x', heading: '訓練の進め方', text: '本文' }] },
      page('title.html', '訓練の手引き', '本文'),
      page('long.html', '手引き', `訓練をする${'ほかの話。'.repeat(400)}`),
    ];
    expect(ranked(pages, '訓練')).toEqual(['title.html', 'heading.html', 'text.html', 'long.html']);
  });

  it('puts a page whose whole title the query names first', () => {
    const pages = [
      page('incident.html', '対応チェックリスト', '手順'),
      page('other.html', '年間の点検', 'インシデントを想定した訓練。対応チェックリストも使う。'),
    ];
    expect(ranked(pages, 'インシデント対応チェックリスト')[0]).toBe('incident.html');
  });

  it('lets a page count less through its weight (the template view of the plan)', () => {
    const pages = [page('plan.html', '計画', '警察に相談する'), page('template.html', 'ひな形', '警察に相談する。警察', { weight: 0.5 })];
    expect(ranked(pages, '警察')).toEqual(['plan.html', 'template.html']);
  });

  it('treats spelling variants as one word', () => {
    const pages = [page('a.html', 'A', '脆弱性を直す'), page('b.html', 'B', '持込パソコンの管理')];
    expect(ranked(pages, 'ぜい弱性')).toEqual(['a.html']);
    expect(ranked(pages, '持ち込みパソコン')).toEqual(['b.html']);
  });
});

describe('excerpts', () => {
  it('cut the original text around the match and mark the written form, whatever was typed', () => {
    expect(shown(excerpt('差出人不明の ＵＳＢ メモリーが届いた', [spellings(normalize('usbメモリ'))]))).toBe('差出人不明の [ＵＳＢ メモリー]が届いた');
    expect(shown(excerpt('ファイルサーバーを止める', [['さーば']]))).toBe('ファイル[サーバー]を止める');
    expect(shown(excerpt(`${'あ'.repeat(60)}警察${'い'.repeat(60)}`, [['警察']], 5))).toBe('…あああああ[警察]いいいいい…');
  });

  it('stay text: markup in a page is never turned into HTML', () => {
    const parts = excerpt('回答: <img src=x onerror=alert(1)> 警察に連絡', [['警察']]);
    expect(parts.map((p) => p.text).join('')).toContain('<img src=x onerror=alert(1)>');
    expect(parts.find((p) => p.mark)?.text).toBe('警察');
  });
});

describe('the packed index', () => {
  const pages = [
    {
      url: 'threats/01.html',
      title: 'No.1 USBメモリー',
      lang: 'ja',
      marked: true,
      weight: 1,
      sections: [
        { id: '', heading: '', text: '脅威の入口 / No.1\nUSBメモリーを通じて入る\n共通の一文' },
        { id: 'signs', heading: '兆候', text: '共通の一文\nUSB メモリーが届いた' },
      ],
    },
    { url: 'template.html', title: 'ひな形', lang: 'ja', marked: true, weight: 0.5, sections: [{ id: '見出し', heading: '見出し', text: '共通の一文' }] },
  ];

  it('stores each line once and shortens runs', () => {
    const packed = packIndex(pages);
    expect(packed.l).toEqual(['脅威の入口 / No.1', 'USBメモリーを通じて入る', '共通の一文', 'USB メモリーが届いた']);
    expect(packed.p[0]![2]).toEqual([
      ['', '', [0, -2]],
      ['signs', '兆候', [2, -1]],
    ]);
    expect(packed.p[1]).toEqual(['template.html', 'ひな形', [[1, '見出し', [2]]], 0.5]);
    expect(packRuns([5, 6, 7, 9, 3, 4])).toEqual([5, -2, 9, 3, -1]);
    expect(unpack(packed)[1]!.sections[0]!.id).toBe('見出し');
  });

  it('gives each result an excerpt around the match', () => {
    const results: Result[] = createEngine(unpack(packIndex(pages))).search('USB');
    expect(results[0]!.title).toBe('No.1 USBメモリー');
    expect(shown(results[0]!.excerpt)).toBe('脅威の入口 / No.1 [USB]メモリーを通じて入る 共通の一文');
    expect(shown(results[0]!.excerpt)).not.toContain('No.1 USBメモリー');
  });
});

describe('reading a page for the index', () => {
  const fixture = path.join(FIXTURES, 'search', 'page.html');
  const expectedFile = path.join(FIXTURES, 'search', 'page.expected.json');

  it('keeps the searchable text in sections with their anchors, without navigation (fixture)', () => {
    const extracted = extractPage(readFileSync(fixture, 'utf8'), 'page.html');
    const actual = `${JSON.stringify(extracted, null, 2)}\n`;
    if (UPDATE) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    expect(actual).not.toContain('索引に入れない行');
  });

  it('keeps of the page’s <h1> only what it adds to the title, so no excerpt repeats the title', () => {
    const html = (h1: string) =>
      `<html><body><main data-search-body data-title="No.1 USBメモリー" data-search-meta="title[data-title]"><p>脅威の入口 / No.1</p><h1>${h1}</h1><p>本文</p></main></body></html>`;
    expect(extractPage(html('No.1 USBメモリー'), 'a.html').sections[0]!.text).toBe('脅威の入口 / No.1\n本文');
    expect(extractPage(html('No.1 USBメモリー（持ち込み）'), 'a.html').sections[0]!.text).toBe('脅威の入口 / No.1\n（持ち込み）\n本文');
    expect(extractPage(html('別の見出し'), 'a.html').sections[0]!.text).toBe('脅威の入口 / No.1\n別の見出し\n本文');
  });
});
