/** The globals the search scripts share: the index script sets one, the engine script the other. */
import type { PackedIndex } from '../../search/format.ts';
import type { Engine, Result } from './engine.ts';

export interface SearchApi {
  /** An engine over a packed index (the site's, or another for the benchmark). */
  engine(index: PackedIndex): Engine;
  /** Wires every search box of the page to an engine over the loaded index; runs a query already typed. */
  attach(): void;
}

export type { Engine, Result };

declare global {
  interface Window {
    BCP_SEARCH_INDEX?: PackedIndex;
    BCPSearch?: SearchApi;
  }
}
