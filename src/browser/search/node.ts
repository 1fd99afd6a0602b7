/**
 * The file-share engine from Node (bench and tests): the browser's code over a built site's
 * own search/index.js and search/terms.js, evaluated as the classic scripts they are.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { fileSearch, type Result } from './engine.ts';
import { INDEX_GLOBAL, SEARCH_INDEX_PATH, SEARCH_TERMS_PATH, TERMS_GLOBAL, unpackIndex } from '../../search/format.ts';

export async function siteFileSearch(siteDir: string): Promise<(query: string) => Result[]> {
  const context: Record<string, unknown> = {};
  context.window = context;
  vm.createContext(context);
  for (const file of [SEARCH_TERMS_PATH, SEARCH_INDEX_PATH]) vm.runInContext(await readFile(path.join(siteDir, file), 'utf8'), context);
  return fileSearch(await unpackIndex(context[INDEX_GLOBAL] as string), context[TERMS_GLOBAL] as string[][]);
}

/** Ranked result URLs (from the site root, with anchors) for `query`, as the box on a file share gives them. */
export async function searchBuiltSite(siteDir: string, query: string): Promise<string[]> {
  return (await siteFileSearch(siteDir))(query).map((r) => r.url);
}
