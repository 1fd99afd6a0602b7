/**
 * The globals the search scripts share, named once in src/search/format.ts: the index
 * script sets INDEX_GLOBAL, the engine script ENGINE_GLOBAL, the loader reads both.
 */
import { ENGINE_GLOBAL, INDEX_GLOBAL, type PackedIndex } from '../../search/format.ts';
import type { Engine, Result } from './engine.ts';

export interface SearchApi {
  /** An engine over a packed index (the site's, or another for the benchmark). */
  engine(index: PackedIndex): Engine;
  /** Wires every search box of the page to an engine over the loaded index; runs a query already typed. */
  attach(): void;
}

export type { Engine, Result };

// globalThis, not window: src/search/node.ts runs the engine script in a bare context.
const scope = globalThis as unknown as Record<string, unknown>;

export const loadedIndex = () => scope[INDEX_GLOBAL] as PackedIndex | undefined;
export const loadedApi = () => scope[ENGINE_GLOBAL] as SearchApi | undefined;
export function publishApi(api: SearchApi): void {
  scope[ENGINE_GLOBAL] = api;
}
