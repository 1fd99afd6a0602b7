/**
 * Entry of search/engine.js, loaded with search/terms.js (and, from a file share,
 * search/index.js) when a search box is first used: picks the engine by protocol and
 * connects the boxes.
 */
import { ENGINE_GLOBAL, INDEX_GLOBAL, TERMS_GLOBAL, unpackIndex } from '../../search/format.ts';
import { fileSearch, pagefindSearch, type Search } from './engine.ts';
import { attachBox } from './ui.ts';

const scope = globalThis as unknown as Record<string, unknown>;

scope[ENGINE_GLOBAL] = {
  fileSearch,
  async attach(root: URL): Promise<void> {
    const groups = (scope[TERMS_GLOBAL] as string[][] | undefined) ?? [];
    let search: Search;
    if (location.protocol === 'file:') {
      const file = fileSearch(await unpackIndex(scope[INDEX_GLOBAL] as string), groups);
      search = async (query) => file(query);
    } else search = await pagefindSearch(root, groups);
    for (const form of document.querySelectorAll<HTMLFormElement>('form[data-bcp-search]')) attachBox(form, search);
  },
};
