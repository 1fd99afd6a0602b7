/**
 * Where the search lives in a built site: no imports, so the loader every page runs up front
 * (search.js) carries these names and nothing of the pipeline.
 */
/** The MiniSearch index as a classic script: sets `window[INDEX_GLOBAL]`. */
export const SEARCH_INDEX_PATH = 'search/index.js';
/** Spelling groups and synonyms: sets `window[TERMS_GLOBAL]`. */
export const SEARCH_TERMS_PATH = 'search/terms.js';
/** The pipeline, both engines and the results panel, loaded when the box is first used. */
export const SEARCH_ENGINE_PATH = 'search/engine.js';
/** The tiny script every page loads up front. */
export const SEARCH_LOADER_PATH = 'search.js';
export const INDEX_GLOBAL = 'BCP_SEARCH_INDEX';
export const TERMS_GLOBAL = 'BCP_SEARCH_TERMS';
export const ENGINE_GLOBAL = 'BCPSearch';
