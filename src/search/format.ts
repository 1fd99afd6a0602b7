/**
 * Where the search lives in a built site, and the shape of its index. Imported by the
 * build (which writes the index) and by the browser code (which loads and reads it), so
 * the two cannot drift apart.
 *
 * Everything is a classic script that sets a global, because browsers refuse fetch() and
 * module imports from file:// (the copy of the site on a Windows file share), while a
 * `<script src>` still loads there. The same files serve http(s).
 */

/** The index script: sets `window[INDEX_GLOBAL]`. */
export const SEARCH_INDEX_PATH = 'search/index.js';
/** The engine and the results panel, loaded with the index when the box is first used. */
export const SEARCH_ENGINE_PATH = 'search/engine.js';
/** The tiny script every page loads up front: it only waits for the box to be used. */
export const SEARCH_LOADER_PATH = 'search.js';

export const INDEX_GLOBAL = 'BCP_SEARCH_INDEX';
export const ENGINE_GLOBAL = 'BCPSearch';

/**
 * A section: [anchor ('' for the top of the page; 1 when it is the heading itself), heading,
 * its lines as indexes into `PackedIndex.l`, where a negative -k after n stands for the k
 * lines after n (n+1 … n+k): most sections are a run of new lines].
 */
export type PackedSection = [id: string | 1, heading: string, lines: number[]];
/** A page: [path from the site root, title, sections in page order, weight when not 1]. */
export type PackedPage = [url: string, title: string, sections: PackedSection[], weight?: number];

/**
 * The index, kept small: arrays instead of named fields, and every distinct line of text
 * stored once (the same sentence often stands on several pages, e.g. a checklist item and
 * the plan step it comes from).
 */
export interface PackedIndex {
  /** Format version, bumped when the shape changes. */
  v: 1;
  /** Distinct lines of text. */
  l: string[];
  p: PackedPage[];
}
