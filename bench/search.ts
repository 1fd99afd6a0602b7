/**
 * Search quality for `npm run bench`: top-1 on test/fixtures/search/queries.ts.
 *
 * - Ours: `searchBuiltSite(siteDir, query)` from src/search/node.ts, the engine of the
 *   search box (imported dynamically: "n/a" where that module does not exist yet).
 * - The peer: Starlight's default, Pagefind's own JS, run in headless Chromium over a
 *   loopback http server, as a reader's browser would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { QUERY_CASES, type QueryCase } from '../test/fixtures/search/queries.ts';
import { pageOfPeerUrl } from './starlight-peer.ts';

export interface SearchScore {
  hits: number;
  total: number;
  misses: string[];
}

const normalise = (url: string | undefined) => (url === undefined ? null : url.replace(/^\.?\//, '').replace(/#.*$/, ''));

function score(cases: readonly QueryCase[], firsts: ReadonlyArray<string | null>): SearchScore {
  const misses: string[] = [];
  cases.forEach((c, i) => {
    if (firsts[i] !== c.first) misses.push(`${c.query} → ${firsts[i] ?? '（なし）'}（期待: ${c.first ?? '（なし）'}）`);
  });
  return { hits: cases.length - misses.length, total: cases.length, misses };
}

/** Our search box's engine, or undefined when src/search/node.ts is not there. */
export async function ourTop1(root: string, siteDir: string): Promise<SearchScore | undefined> {
  let search: ((siteDir: string, query: string) => Promise<string[]>) | undefined;
  try {
    const module = (await import(pathToFileURL(path.join(root, 'src', 'search', 'node.ts')).href)) as { searchBuiltSite?: typeof search };
    search = module.searchBuiltSite;
  } catch {
    return undefined;
  }
  if (!search) return undefined;
  const firsts: Array<string | null> = [];
  for (const c of QUERY_CASES) firsts.push(normalise((await search(siteDir, c.query))[0]));
  return score(QUERY_CASES, firsts);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves a folder on 127.0.0.1 (folders answer with their index.html). */
async function serve(dir: string) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir)) return void response.writeHead(404).end();
    stat(file).then(
      (info) => {
        if (!info.isFile()) return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(response);
      },
      () => void response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Starlight's default Pagefind over the peer's built site. */
export async function peerTop1(peerSite: string, executablePath: string): Promise<SearchScore> {
  const server = await serve(path.resolve(peerSite));
  const { launch } = await import('puppeteer');
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
      QUERY_CASES.map((c) => c.query),
    );
    return score(
      QUERY_CASES,
      urls.map((url) => (url === null ? null : pageOfPeerUrl(url))),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
