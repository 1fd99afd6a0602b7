/**
 * The site's search index: every searchable page's text in one classic script that sets
 * `window.BCP_SEARCH_INDEX` (see format.ts for why a script, and for its shape).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractPage, type SearchPage } from './extract.ts';
import { INDEX_GLOBAL, SEARCH_INDEX_PATH, type PackedIndex, type PackedPage, type PackedSection } from './format.ts';

/** Every .html file under `siteDir`, in a stable order. */
async function htmlFiles(siteDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    files.push(path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return files.sort();
}

/** The searchable pages of a built site. */
export async function searchPages(siteDir: string): Promise<SearchPage[]> {
  const pages: SearchPage[] = [];
  for (const url of await htmlFiles(siteDir)) pages.push(extractPage(await readFile(path.join(siteDir, url), 'utf8'), url));
  // Once any page marks its searchable part, pages without the mark (print.html) stay out.
  const anyMarked = pages.some((page) => page.marked);
  return pages.filter((page) => (anyMarked ? page.marked : true) && page.sections.length > 0);
}

/** Packs pages into the index, each distinct line once. */
export function packIndex(pages: readonly SearchPage[]): PackedIndex {
  const lines: string[] = [];
  const ids = new Map<string, number>();
  const lineId = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) {
      id = lines.push(line) - 1;
      ids.set(line, id);
    }
    return id;
  };
  return {
    v: 1,
    l: lines,
    p: pages.map((page): PackedPage => {
      const sections = page.sections.map((s): PackedSection => {
        const text = s.text ? s.text.split('\n') : [];
        const lines = packRuns(text.map(lineId));
        return [s.id && s.id === s.heading ? 1 : s.id, s.heading, lines];
      });
      return page.weight === 1 ? [page.url, page.title, sections] : [page.url, page.title, sections, page.weight];
    }),
  };
}

/** Line indexes with runs shortened: [5, 6, 7, 9] → [5, -2, 9]. */
export function packRuns(ids: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
    out.push(ids[i]!);
    if (j > i) out.push(i - j);
    i = j;
  }
  return out;
}

/** The script text. JSON is valid JavaScript, and the file is never inlined into HTML. */
export function indexScript(index: PackedIndex): string {
  return `window.${INDEX_GLOBAL}=${JSON.stringify(index)};\n`;
}

export async function writeSearchIndex(siteDir: string, pages: readonly SearchPage[]): Promise<void> {
  const file = path.join(siteDir, SEARCH_INDEX_PATH);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, indexScript(packIndex(pages)));
}
