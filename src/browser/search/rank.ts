/**
 * Ranking pages for a query, the same for every way the site is opened.
 *
 * Each term is weighted by how rare it is (idf: a word on two pages tells more than one on
 * thirty). On a page, a term scores for the title, for a heading, and for how often the
 * text has it, damped by the text's length (BM25's saturation), so a short page about the
 * word ranks above a long page that mentions it in passing. Pages need not have every term:
 * the page's score is multiplied by the share of the query's weight it covers, squared, so
 * a page with all terms ranks first and one with the rare terms above one with the common.
 */
import { normalize } from './normalize.ts';
import type { Query, Term } from './query.ts';

export interface Section {
  /** Anchor in the page; '' for the top. */
  id: string;
  heading: string;
  text: string;
}

export interface Page {
  url: string;
  title: string;
  sections: Section[];
  /** Multiplies the page's score; below 1 for a page that repeats another (the template view of the plan). */
  weight?: number;
}

/** A page with its text folded once, as the ranking reads it. */
export interface Doc {
  page: Page;
  title: string;
  headings: string[];
  /** Everything searchable, headings included. */
  body: string;
  sections: { heading: string; all: string }[];
}

export interface Ranked {
  doc: Doc;
  score: number;
  /** Share of the query's weight the page has (1: every term). */
  coverage: number;
}

// The title counts most (as in Pagefind, whose default weighs an <h1> word 7 times); a heading
// counts once more than the text; K1 and B are BM25's usual values.
const TITLE = 4;
const HEADING = 1;
const K1 = 1.2;
const B = 0.75;

export function toDoc(page: Page): Doc {
  const sections = page.sections.map((s) => {
    const heading = normalize(s.heading);
    return { heading, all: `${heading}\n${normalize(s.text)}` };
  });
  return {
    page,
    title: normalize(page.title),
    headings: sections.map((s) => s.heading).filter(Boolean),
    body: sections.map((s) => s.all).join('\n'),
    sections,
  };
}

function countOf(haystack: string, needle: string, cap = 50): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && n < cap; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

export const has = (text: string, term: Term) => term.forms.some((form) => text.includes(form));

/** idf of each term over `docs` (BM25's, never negative). */
export function weights(docs: readonly Doc[], query: Query): number[] {
  const n = docs.length;
  return query.terms.map((term) => {
    const df = docs.filter((d) => has(d.title, term) || has(d.body, term)).length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
}

/** How well one term fits one page, before its weight: title, heading, then frequency in the text. */
export function termFit(doc: Doc, term: Term, averageLength: number): number {
  let best = 0;
  for (const form of term.forms) {
    const tf = countOf(doc.body, form);
    const inTitle = doc.title.includes(form);
    if (tf === 0 && !inTitle) continue;
    const norm = 1 - B + (B * doc.body.length) / Math.max(1, averageLength);
    const fit = (inTitle ? TITLE : 0) + (doc.headings.some((h) => h.includes(form)) ? HEADING : 0) + (tf * (K1 + 1)) / (tf + K1 * norm);
    best = Math.max(best, fit);
  }
  return best;
}

/** Pages that have at least one term, best first (ties: by url, so the order is stable). */
export function rank(docs: readonly Doc[], query: Query, idf: readonly number[] = weights(docs, query)): Ranked[] {
  if (query.terms.length === 0) return [];
  const total = idf.reduce((a, b) => a + b, 0) || 1;
  const averageLength = docs.reduce((sum, d) => sum + d.body.length, 0) / Math.max(1, docs.length);
  const typed = query.terms.map((t) => t.text).join('');
  const out: Ranked[] = [];
  for (const doc of docs) {
    let score = 0;
    let covered = 0;
    query.terms.forEach((term, i) => {
      const fit = termFit(doc, term, averageLength);
      if (fit === 0) return;
      score += idf[i]! * fit;
      covered += idf[i]!;
    });
    if (score === 0) continue;
    let coverage = covered / total;
    // The query names the page: its whole title is in what was typed (インシデント対応チェックリスト
    // names 対応チェックリスト). Count it as a title hit of the whole query, for the part it names.
    if (doc.title.length >= 2 && typed.length > doc.title.length && typed.includes(doc.title)) {
      score += TITLE * total;
      coverage = Math.max(coverage, doc.title.length / typed.length);
    }
    out.push({ doc, score: score * coverage * coverage * (doc.page.weight ?? 1), coverage });
  }
  return out.sort((a, b) => b.score - a.score || (a.doc.page.url < b.doc.page.url ? -1 : 1));
}

/**
 * Where in a page to land: the section with the most of the query's weight, preferring one
 * whose heading names a term, then the first in page order (like the browser's own find).
 */
export function bestSection(doc: Doc, query: Query, idf: readonly number[]): number {
  let best = 0;
  let bestKey = -1;
  doc.sections.forEach((section, index) => {
    let weight = 0;
    let named = false;
    query.terms.forEach((term, i) => {
      if (!has(section.all, term)) return;
      weight += idf[i]!;
      if (has(section.heading, term)) named = true;
    });
    const key = weight * 2 + (named ? 1 : 0);
    if (key > bestKey) {
      bestKey = key;
      best = index;
    }
  });
  return best;
}
