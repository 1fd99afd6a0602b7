/**
 * Search quality for `npm run bench`: top-1 on each query set (test/fixtures/search/), for
 *
 * - ours from a file share: the MiniSearch engine of the box, run from Node (the browser's code);
 * - ours over http: the box's Pagefind path (our query pipeline over Pagefind), in Chromium;
 * - Pagefind's default: its JS API with the query as typed, over the same index, in Chromium;
 * - Starlight's default (the peer): Pagefind's API over a Starlight site of the same pages.
 *
 * And the time one query takes once the file-share index is loaded (median, from Node).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { siteFileSearch } from '../src/browser/search/node.ts';
import { ENGINE_GLOBAL, SEARCH_ENGINE_PATH, SEARCH_TERMS_PATH } from '../src/search/format.ts';
import { HELD_OUT_CASES } from '../test/fixtures/search/held-out.ts';
import { QUERY_CASES, type QueryCase } from '../test/fixtures/search/queries.ts';
import { serveFolder } from '../test/serve.ts';
import { pageOfPeerUrl } from './starlight-peer.ts';

export interface SearchScore {
  hits: number;
  total: number;
  misses: string[];
}

/** The query sets: the project's regression set and the held-out one. */
export const QUERY_SETS: ReadonlyArray<readonly [name: string, cases: readonly QueryCase[]]> = [
  ['本プロジェクトの問い', QUERY_CASES],
  ['取っておいた問い', HELD_OUT_CASES],
];

const normalise = (url: string | null | undefined) =>
  url
    ? decodeURIComponent(url)
        .replace(/^\.?\//, '')
        .replace(/#.*$/, '')
    : null;

export function score(cases: readonly QueryCase[], firsts: ReadonlyArray<string | null>): SearchScore {
  const misses: string[] = [];
  cases.forEach((c, i) => {
    if (firsts[i] !== c.first) misses.push(`${c.query} → ${firsts[i] ?? '（なし）'}（期待: ${c.first ?? '（なし）'}）`);
  });
  return { hits: cases.length - misses.length, total: cases.length, misses };
}

/** Ours from a file share, and the median time of one query. */
export async function fileTop1(siteDir: string, cases: readonly QueryCase[]): Promise<{ score: SearchScore; medianMs: number }> {
  const search = await siteFileSearch(siteDir);
  const times: number[] = [];
  const firsts = cases.map((c) => {
    const start = performance.now();
    const first = search(c.query)[0]?.url;
    times.push(performance.now() - start);
    return normalise(first);
  });
  times.sort((a, b) => a - b);
  return { score: score(cases, firsts), medianMs: times[Math.floor(times.length / 2)]! };
}

type Launch = typeof import('puppeteer').launch;

/** Ours over http and Pagefind's default, on our own built site served on 127.0.0.1. */
export async function httpTop1(siteDir: string, cases: readonly QueryCase[], executablePath: string): Promise<{ ours: SearchScore; pagefind: SearchScore }> {
  const server = await serveFolder(path.resolve(siteDir));
  const { launch } = (await import('puppeteer')) as { launch: Launch };
  const browser = await launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
    const [ours, pagefind] = (await page.evaluate(
      async (queries: string[], files: string[], global: string) => {
        for (const file of files) {
          await new Promise((resolve, reject) => {
            const s = document.createElement('script');
            s.src = `${location.origin}/${file}`;
            s.onload = resolve;
            s.onerror = reject;
            document.head.appendChild(s);
          });
        }
        const api = (window as unknown as Record<string, { engine(root: URL): Promise<(q: string) => Promise<{ url: string }[]>> }>)[global]!;
        const box = await api.engine(new URL(`${location.origin}/`));
        const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
        await pf.init();
        const a: Array<string | null> = [];
        const b: Array<string | null> = [];
        for (const query of queries) {
          a.push((await box(query))[0]?.url ?? null);
          const found = await pf.search(query);
          b.push(found.results[0] ? (await found.results[0].data()).url : null);
        }
        return [a, b] as const;
      },
      cases.map((c) => c.query),
      [SEARCH_TERMS_PATH, SEARCH_ENGINE_PATH],
      ENGINE_GLOBAL,
    )) as [Array<string | null>, Array<string | null>];
    return { ours: score(cases, ours.map(normalise)), pagefind: score(cases, pagefind.map(normalise)) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Starlight's default Pagefind over the peer's built site. */
export async function peerTop1(peerSite: string, cases: readonly QueryCase[], executablePath: string): Promise<SearchScore> {
  const server = await serveFolder(path.resolve(peerSite));
  const { launch } = (await import('puppeteer')) as { launch: Launch };
  const browser = await launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const urls = await page.evaluate(
      async (queries: string[]) => {
        const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
        await pagefind.init();
        const firsts: Array<string | null> = [];
        for (const query of queries) {
          const found = await pagefind.search(query);
          firsts.push(found.results[0] ? (await found.results[0].data()).url : null);
        }
        return firsts;
      },
      cases.map((c) => c.query),
    );
    return score(
      cases,
      urls.map((url) => (url === null ? null : pageOfPeerUrl(url))),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Rows for the bench's table, one per query set, and the misses, for one built site (and the peer when there is one). */
export async function searchRows(siteDir: string, executablePath: string, peerSite?: string): Promise<{ rows: string[][]; misses: string[] }> {
  const rows: string[][] = [];
  const misses: string[] = [];
  for (const [name, cases] of QUERY_SETS) {
    const file = await fileTop1(siteDir, cases);
    const http = await httpTop1(siteDir, cases, executablePath);
    const peer = peerSite ? await peerTop1(peerSite, cases, executablePath) : undefined;
    const n = cases.length;
    rows.push([
      `検索の 1 位（${name}）`,
      `共有フォルダ ${file.score.hits}/${n}、http ${http.ours.hits}/${n}`,
      `Pagefind 既定 ${http.pagefind.hits}/${n}${peer ? `、Starlight ${peer.hits}/${n}` : ''}`,
      `${file.score.hits - http.pagefind.hits >= 0 ? '+' : ''}${file.score.hits - http.pagefind.hits} / ${http.ours.hits - http.pagefind.hits >= 0 ? '+' : ''}${http.ours.hits - http.pagefind.hits}`,
    ]);
    rows.push([`検索 1 回（${name}、共有フォルダ、中央値）`, `${file.medianMs.toFixed(1)} ms`, '目標: 50 ms', `${(file.medianMs / 50).toFixed(2)}`]);
    for (const [who, s] of [
      ['共有フォルダ', file.score],
      ['http', http.ours],
      ['Pagefind 既定', http.pagefind],
      ...(peer ? [['Starlight', peer] as const] : []),
    ] as const) {
      if (s.misses.length > 0) misses.push(`検索で外れた問い（${name}、${who}）:\n  ${s.misses.join('\n  ')}`);
    }
  }
  return { rows, misses };
}
