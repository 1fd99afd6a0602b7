/**
 * Pagefind over the finished site, through its Node API as Starlight does
 * (packages/starlight/integrations/pagefind.ts): one index per build, written to
 * `pagefind/` in the site. Only what the pages mark counts (`data-pagefind-body` on
 * <main>, `data-pagefind-ignore` on header, footer and print page); Pagefind segments
 * Japanese itself (the pages say `lang="ja"`). The files Pagefind writes are returned
 * too, so the file-share index (src/search/file-index.ts) is built from the same reading.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

export const PAGEFIND_DIR = 'pagefind';

/** Not text a reader searches for: page navigation inside <main>, code and form controls. */
const EXCLUDED = ['nav', 'template', 'script', 'style', 'button', 'select', 'textarea', '[hidden]'];

const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

export interface PagefindFile {
  path: string;
  content: Uint8Array;
}

/** Indexes `siteDir` and writes `siteDir/pagefind/`; returns the files written. */
export async function runPagefind(siteDir: string): Promise<PagefindFile[]> {
  const check = <T extends { errors: string[] }>(response: T): Required<T> => {
    if (response.errors.length > 0) throw new Error(response.errors.join('\n'));
    return response as Required<T>;
  };
  try {
    const { index } = check(await pagefind.createIndex({ excludeSelectors: EXCLUDED, forceLanguage: 'ja', keepIndexUrl: true }));
    check(await index.addDirectory({ path: siteDir }));
    const out = path.join(siteDir, PAGEFIND_DIR);
    check(await index.writeFiles({ outputPath: out }));
    // Pagefind's own UIs are not used: the site's box (src/browser/search/) calls pagefind.js.
    const files = check(await index.getFiles()).files;
    await Promise.all(files.filter((f) => UNUSED.test(f.path)).map((f) => rm(path.join(out, f.path))));
    return files.filter((f) => !UNUSED.test(f.path));
  } finally {
    await pagefind.close();
  }
}
