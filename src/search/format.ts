/**
 * Where the search lives in a built site and the shape of the file-share index, shared by
 * the build (which writes it) and the browser bundle (which reads it).
 */
import type { Options } from 'minisearch';
import { bigrams, tokens } from './pipeline.ts';

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

export interface FileDoc {
  id: number;
  /** From the site root: `threats/01.html`. */
  url: string;
  title: string;
  headings: string;
  text: string;
  /** Headings to land on: [offset in text, id, heading]. */
  anchors: [number, string, string][];
  /** Below 1 for a page that repeats another (data-pagefind-weight, also in the meta). */
  weight: number;
}

/** Index options: words (Intl.Segmenter, folded) in title, headings and text; bigrams in `grams`. */
export const INDEX_OPTIONS: Options<FileDoc> = {
  fields: ['title', 'headings', 'text', 'grams'],
  storeFields: ['url', 'title', 'text', 'anchors', 'weight'],
  extractField: (doc, field) => (field === 'grams' ? `${doc.title}\n${doc.text}` : doc[field as keyof FileDoc]) as string,
  tokenize: (text, field) => (field === 'grams' ? bigrams(text) : tokens(text)),
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (text) => [text],
    processTerm: (term) => term,
    boostDocument: (_id, _term, stored) => (stored?.weight as number | undefined) ?? 1,
  },
};

/** The index as search/index.js holds it (gzip in base64), read back with the browser's own DecompressionStream. */
export async function unpackIndex(packed: string): Promise<object> {
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  return JSON.parse(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()) as object;
}
