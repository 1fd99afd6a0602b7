/**
 * The pages to search, and the search index for file://: every page's text in one
 * classic script that sets `window.BCP_SEARCH_INDEX`. Browsers refuse fetch() and module
 * imports from file://, but a `<script src>` still loads, so public/search.js reads it.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractPage, type SearchPage } from './extract.ts';

/** Where the index lives in the built site (public/search.js loads it from here). */
export const FALLBACK_INDEX_PATH = 'search/fallback-index.js';

export interface FallbackIndex {
  pages: SearchPage[];
}

/** Every .html file under `siteDir` except Pagefind's own, in a stable order. */
async function htmlFiles(siteDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const rel = path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!rel.startsWith('pagefind/')) files.push(rel);
  }
  return files.sort();
}

/** The searchable pages of a built site. */
export async function searchPages(siteDir: string): Promise<SearchPage[]> {
  const pages: SearchPage[] = [];
  for (const url of await htmlFiles(siteDir)) pages.push(extractPage(await readFile(path.join(siteDir, url), 'utf8'), url));
  // Pagefind's rule: once any page marks its body, pages without the mark (print.html) stay out.
  const anyMarked = pages.some((page) => page.marked);
  return pages.filter((page) => (anyMarked ? page.marked : true) && page.sections.length > 0);
}

/** The script text; JSON is valid JavaScript, and the file is never inlined into HTML. */
export function fallbackScript(index: FallbackIndex): string {
  const pages = index.pages.map(({ url, title, sections }) => ({ url, title, sections }));
  return `/* Search index for opening the site from a file share (written by bcp build). */\nwindow.BCP_SEARCH_INDEX = ${JSON.stringify({ pages })};\n`;
}

export async function writeFallbackIndex(siteDir: string, pages: SearchPage[]): Promise<void> {
  const file = path.join(siteDir, FALLBACK_INDEX_PATH);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, fallbackScript({ pages }));
}
