/**
 * Entry of search/engine.js: the engine and the results panel, loaded by the loader
 * (search.js) together with the index when a search box is first used.
 */
import type { PackedIndex } from '../../search/format.ts';
import { createEngine, unpack, type Engine } from './engine.ts';
import { loadedIndex, publishApi, type SearchApi } from './globals.ts';
import { attachBox } from './ui.ts';

let site: Engine | undefined;

const api: SearchApi = {
  engine: (index: PackedIndex) => createEngine(unpack(index)),
  attach() {
    const index = loadedIndex();
    if (!index) throw new Error('search index not loaded');
    site ??= api.engine(index);
    for (const form of document.querySelectorAll<HTMLFormElement>('form[data-bcp-search]')) attachBox(form, site);
  },
};

publishApi(api);
