/**
 * The file-share index (search/index.js): MiniSearch over Pagefind's own reading of the
 * pages (its fragments: url, title, text, anchors), serialised (gzip, base64: see
 * `unpackIndex`) into a classic script that sets a global, because a page opened from file:// may load `<script src>` but not fetch().
 * search/terms.js carries the spelling groups (VARIANTS and the glossary's synonyms) for
 * both engines.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { loadGlossary } from '../glossary/load.ts';
import { INDEX_GLOBAL, INDEX_OPTIONS, SEARCH_INDEX_PATH, SEARCH_TERMS_PATH, TERMS_GLOBAL, type FileDoc } from './format.ts';
import { spellingGroups } from './pipeline.ts';

interface Fragment {
  url: string;
  content: string;
  meta: { title?: string; weight?: string };
  anchors: { element: string; id: string; text: string; location: number }[];
}

/** Pagefind's fragment: gzip of `pagefind_dcd` + JSON. */
function readFragment(bytes: Uint8Array): Fragment {
  return JSON.parse(
    gunzipSync(bytes)
      .toString('utf8')
      .replace(/^pagefind_dcd/, ''),
  ) as Fragment;
}

export function fileDoc(fragment: Fragment, id: number): FileDoc {
  // Headings and glossary terms (<dt id>) are places to land. Anchor locations count Pagefind's words; map them to offsets in the text without separators.
  const starts: number[] = [];
  let text = '';
  for (const [, word, gap] of fragment.content.matchAll(/([^\u200b\s]+)([\u200b\s]*)/g)) {
    starts.push(text.length);
    text += word! + (/\s/.test(gap!) ? ' ' : '');
  }
  const headings = fragment.anchors.filter((a) => /^(?:h[2-6]|dt)$/.test(a.element) && a.text && a.id);
  return {
    id,
    url: fragment.url.replace(/^\//, ''),
    title: fragment.meta.title ?? fragment.url,
    headings: headings.map((a) => a.text).join('\n'),
    text: text.trim(),
    anchors: headings.map((a) => [starts[a.location] ?? 0, a.id, a.text]),
    weight: Number(fragment.meta.weight ?? 1) || 1,
  };
}

export async function writeFileIndex(siteDir: string, files: readonly { path: string; content: Uint8Array }[], root = process.cwd()): Promise<void> {
  // In url order, so the same pages give the same file (Pagefind hands its files over in any order).
  const fragments = files
    .filter((f) => f.path.endsWith('.pf_fragment'))
    .map((f) => readFragment(f.content))
    .sort((a, b) => (a.url < b.url ? -1 : 1));
  const docs = fragments.map(fileDoc);
  const search = new MiniSearch<FileDoc>(INDEX_OPTIONS);
  search.addAll(docs);
  const terms = loadGlossary(undefined, { cwd: root }).terms ?? [];
  const groups = spellingGroups(terms.filter((t) => t.synonyms.length > 0).map((t) => [t.term, ...t.aliases, ...t.synonyms]));
  const write = async (file: string, global: string, value: unknown) => {
    await mkdir(path.dirname(path.join(siteDir, file)), { recursive: true });
    await writeFile(path.join(siteDir, file), `window.${global}=${JSON.stringify(value)};\n`);
  };
  // gzip in base64: a file share serves no compression, and this is a third of the JSON.
  await write(SEARCH_INDEX_PATH, INDEX_GLOBAL, gzipSync(JSON.stringify(search)).toString('base64'));
  await write(SEARCH_TERMS_PATH, TERMS_GLOBAL, groups);
}
