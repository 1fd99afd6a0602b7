/**
 * The Pagefind index for served copies of the site, through Pagefind's Node API.
 *
 * Pagefind is given each page as extract.ts read it (one heading per section, each with
 * its anchor), not the raw HTML: its own reader drops <label> text and cuts sections only
 * at headings with ids, and both engines must search the same text to agree.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { SearchPage } from './extract.ts';

/** Pagefind's bundled UIs; the site has its own search box, so they would only add weight. */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Opens every section heading in what Pagefind indexes, so public/search.js can cut
 * Pagefind's page text back into the same sections (a heading's words alone are ambiguous:
 * 「ら行」 also occurs inside 「から行う」). A punctuation mark, so no index word contains it.
 * public/search.js has the same constant; a test keeps them equal.
 */
export const SECTION_MARK = '¶';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTML Pagefind indexes for one page: title first, then each section under its heading.
 * A section's lines are joined by <br>, which Pagefind turns into a space; separate
 * paragraphs would get a '.' after each, and the excerpts would show them.
 */
export function pagefindHtml(page: SearchPage): string {
  const lines = (text: string) => (text ? `<p>${text.split('\n').map(escape).join('<br>')}</p>` : '');
  const body = page.sections
    .map((s) => (s.id ? `<h2 id="${escape(s.id)}">${SECTION_MARK} ${escape(s.heading)}</h2>` : s.heading ? `<p>${escape(s.heading)}</p>` : '') + lines(s.text))
    .join('');
  return (
    `<!doctype html><html lang="${escape(page.lang)}"><head><title>${escape(page.title)}</title></head><body>` +
    `<main data-pagefind-body data-pagefind-meta="title[data-title]" data-title="${escape(page.title)}"><p>${escape(page.title)}</p>${body}</main></body></html>`
  );
}

/** Indexes `pages` into `siteDir/pagefind/`; returns Pagefind's errors (none on success). */
export async function runPagefind(siteDir: string, pages: readonly SearchPage[]): Promise<string[]> {
  const outputPath = path.join(siteDir, 'pagefind');
  try {
    // keepIndexUrl: result urls name the file (index.html), which also works from a share.
    const { index, errors } = await createIndex({ keepIndexUrl: true });
    if (!index) return errors.length > 0 ? errors : ['Pagefind did not start'];
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: `/${page.url}`, content: pagefindHtml(page) });
      if (added.errors.length > 0) return added.errors;
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) return written.errors;
    await Promise.all(UNUSED.map((file) => rm(path.join(outputPath, file), { force: true })));
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    await close();
  }
}
