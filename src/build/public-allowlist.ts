/**
 * The public build's last word on what is published: after Astro, every file of the
 * staging folder that `PUBLIC_FILES` does not list is removed, so a page added later
 * (a business-impact page, exercise records, a CSV) stays internal until someone lists
 * it on purpose. Links that pointed at a removed page are turned into plain text.
 *
 * The print page (the binder PDF's source) keeps every part of the site in one file; each
 * part says which page it prints (`data-print-of`), and a part of a page that is not
 * public is cut out of it, with its line in the contents.
 *
 * Runs before the PDF and the search indexes, which then only see what is public.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { isPublicFile } from '../answers/visibility.ts';

/** Removes every file not on the allowlist from `siteDir`; returns the removed paths (relative, `/`). */
export async function applyPublicAllowlist(siteDir: string): Promise<string[]> {
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  const removed = files.filter((file) => !isPublicFile(file));
  await Promise.all(removed.map((file) => rm(path.join(siteDir, file), { force: true })));
  await removeEmptyFolders(siteDir);
  const gone = new Set(removed);
  for (const file of files.filter((f) => f.endsWith('.html') && !gone.has(f))) {
    const html = await readFile(path.join(siteDir, file), 'utf8');
    const unlinked = unlinkRemoved(dropInternalPrintParts(html), file, gone);
    if (unlinked !== html) await writeFile(path.join(siteDir, file), unlinked);
  }
  return removed;
}

async function removeEmptyFolders(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true });
  let empty = true;
  for (const entry of entries) {
    if (entry.isDirectory() && (await removeEmptyFolders(path.join(dir, entry.name)))) await rm(path.join(dir, entry.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

// An opening <a> tag, its attributes quoted either way; anchors cannot nest, so the next </a> closes it.
const ANCHOR = /<a\s((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/a>/gi;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** `html` of the page `from` with every link to a removed file replaced by its text. */
export function unlinkRemoved(html: string, from: string, removed: ReadonlySet<string>): string {
  return html.replace(ANCHOR, (whole, attributes: string, inner: string) => {
    const match = HREF.exec(attributes);
    const href = match?.[1] ?? match?.[2] ?? match?.[3];
    if (href === undefined || /^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return whole;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), decoded(href.replace(/&amp;/g, '&').replace(/[?#].*$/, ''))));
    return removed.has(target) ? `<span class="internal-only">${inner}</span>` : whole;
  });
}

/**
 * `html` without the elements that print a page not on the allowlist (`data-print-of`),
 * nor the contents entries (`<li>` with a link to `#id`) that point into them. Cut by
 * source offsets, so a page with nothing to cut stays byte for byte as Astro wrote it.
 */
export function dropInternalPrintParts(html: string): string {
  if (!html.includes('data-print-of')) return html;
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const cuts: Array<[number, number]> = [];
  const ids = new Set<string>();
  const cut = (node: Element) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) cuts.push([start, end]);
  };
  visit(tree, 'element', (node) => {
    const target = node.properties.dataPrintOf;
    if (typeof target !== 'string' || isPublicFile(target)) return undefined;
    cut(node);
    visit(node, 'element', (inner) => {
      if (typeof inner.properties.id === 'string') ids.add(inner.properties.id);
    });
    return SKIP;
  });
  if (cuts.length === 0) return html;
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'li') return undefined;
    let pointsIn = false;
    visit(node, 'element', (inner) => {
      const href = inner.properties.href;
      if (inner.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && ids.has(decoded(href.slice(1)))) pointsIn = true;
    });
    if (!pointsIn) return undefined;
    cut(node);
    return SKIP;
  });
  // Outermost first, then skip what lies inside a cut already made.
  cuts.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  for (const [start, end] of cuts) {
    if (start < at) continue;
    out += html.slice(at, start);
    at = end;
  }
  return out + html.slice(at);
}

function decoded(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}
