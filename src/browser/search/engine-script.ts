/**
 * Entry of search/engine.js, loaded with search/terms.js (and, from a file share,
 * search/index.js) when a search box is first used: picks the engine by protocol and
 * connects the boxes.
 */
import { ENGINE_GLOBAL, INDEX_GLOBAL, TERMS_GLOBAL, unpackIndex } from '../../search/format.ts';
import { fileSearch, pagefindSearch, type Search } from './engine.ts';
import { attachBox } from './ui.ts';

const scope = globalThis as unknown as Record<string, unknown>;

/** The engine for how the site is opened: from a file share MiniSearch, else Pagefind. */
async function engine(root: URL): Promise<Search> {
  const groups = (scope[TERMS_GLOBAL] as string[][] | undefined) ?? [];
  if (location.protocol !== 'file:') return pagefindSearch(root, groups);
  const file = fileSearch(await unpackIndex(scope[INDEX_GLOBAL] as string), groups);
  return async (query) => file(query);
}

scope[ENGINE_GLOBAL] = {
  engine,
  async attach(root: URL): Promise<void> {
    const search = await engine(root);
    for (const form of document.querySelectorAll<HTMLFormElement>('form[data-bcp-search]')) attachBox(form, search);
  },
};
