/**
 * Searching a built site from Node (for the benchmark and the tests) with exactly the code
 * the browser runs: the site's own search/engine.js and search/index.js, evaluated in a
 * bare context as classic scripts, as a page would.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import type { Engine, SearchApi } from '../browser/search/globals.ts';
import { ENGINE_GLOBAL, INDEX_GLOBAL, SEARCH_ENGINE_PATH, SEARCH_INDEX_PATH, type PackedIndex } from './format.ts';

const engines = new Map<string, Promise<Engine>>();

async function load(siteDir: string): Promise<Engine> {
  const context: Record<string, unknown> = {};
  context.window = context;
  vm.createContext(context);
  for (const file of [SEARCH_INDEX_PATH, SEARCH_ENGINE_PATH]) {
    vm.runInContext(await readFile(path.join(siteDir, file), 'utf8'), context, { filename: file });
  }
  const api = context[ENGINE_GLOBAL] as SearchApi | undefined;
  const index = context[INDEX_GLOBAL] as PackedIndex | undefined;
  if (!api || !index) throw new Error(`${siteDir} has no search engine or index`);
  return api.engine(index);
}

/** The site's search engine as the browser builds it (loaded again only when the site's index changed). */
export async function siteEngine(siteDir: string): Promise<Engine> {
  const dir = path.resolve(siteDir);
  const key = `${dir}\n${(await stat(path.join(dir, SEARCH_INDEX_PATH))).mtimeMs}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = load(dir);
    engines.set(key, engine);
  }
  return engine;
}

/** Ranked result URLs (relative to the site root, e.g. `threats/01.html`, `plan.html#…`) for `query`. */
export async function searchBuiltSite(siteDir: string, query: string): Promise<string[]> {
  return (await siteEngine(siteDir)).search(query).map((r) => r.url);
}
