/**
 * Where the search lives in a built site and the shape of the file-share index, shared by
 * the build (which writes it) and the browser bundle (which reads it).
 */
import type { Options } from 'minisearch';
import { bigrams, tokens } from './pipeline.ts';

export { ENGINE_GLOBAL, INDEX_GLOBAL, SEARCH_ENGINE_PATH, SEARCH_INDEX_PATH, SEARCH_LOADER_PATH, SEARCH_TERMS_PATH, TERMS_GLOBAL } from './paths.ts';

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
