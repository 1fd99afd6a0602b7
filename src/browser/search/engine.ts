/**
 * The search engine: reads the packed index, answers queries with ranked pages, each with
 * the section to land on and an excerpt. Pure (no DOM), so the build's Node code runs this
 * same file (bundled, src/search/node.ts) and the tests run it unbundled.
 */
import type { PackedIndex } from '../../search/format.ts';
import { excerpt, type Part } from './excerpt.ts';
import { parseQuery, type Query } from './query.ts';
import { bestSection, has, rank, toDoc, weights, type Doc, type Page } from './rank.ts';

export interface Result {
  /** Relative to the site root, with the section's anchor: `plan.html#-対策本部の設置`. */
  url: string;
  title: string;
  /** The section's heading; '' for the top of the page. */
  section: string;
  excerpt: Part[];
}

export interface Engine {
  search(query: string): Result[];
  /** The query as the engine reads it (for tests and the benchmark). */
  parse(query: string): Query;
}

/** Line indexes with runs written out: [5, -2, 9] → [5, 6, 7, 9] (see PackedSection). */
export function unpackRuns(packed: readonly number[]): number[] {
  const out: number[] = [];
  for (const n of packed) {
    if (n >= 0) out.push(n);
    else for (let k = 1, last = out[out.length - 1] ?? 0; k <= -n; k++) out.push(last + k);
  }
  return out;
}

export function unpack(index: PackedIndex): Page[] {
  return index.p.map(([url, title, sections, weight]) => ({
    url,
    title,
    weight,
    sections: sections.map(([id, heading, lines]) => ({
      id: id === 1 ? heading : id,
      heading,
      text: unpackRuns(lines)
        .map((i) => index.l[i] ?? '')
        .join('\n'),
    })),
  }));
}

export function createEngine(pages: readonly Page[]): Engine {
  const docs: Doc[] = pages.map(toDoc);
  const corpus = docs.map((d) => `${d.title}\n${d.body}`).join('\n');
  const parse = (query: string) => parseQuery(query, (form) => corpus.includes(form));
  return {
    parse,
    search(text) {
      const query = parse(text);
      const idf = weights(docs, query);
      // Excerpts centre on the rarest term the section has.
      const byRarity = query.terms.map((t, i) => ({ t, w: idf[i]! })).sort((a, b) => b.w - a.w);
      return rank(docs, query, idf).map(({ doc }) => {
        const index = bestSection(doc, query, idf);
        const section = doc.page.sections[index]!;
        const forms = byRarity.filter(({ t }) => has(doc.sections[index]!.all, t)).map(({ t }) => t.forms);
        return {
          url: doc.page.url + (section.id ? `#${section.id}` : ''),
          title: doc.page.title,
          section: section.id ? section.heading : '',
          excerpt: excerpt(section.text, forms),
        };
      });
    },
  };
}
