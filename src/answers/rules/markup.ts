/**
 * Answers are plain text: the site, the search index and the PDF show them exactly as
 * written, never as HTML, MDX, Markdown or another slot. Text that looks like markup is
 * most likely meant as formatting that will not happen, so it gets a warning.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { scanMarkers } from '../../slots/syntax.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';
import { stringFields } from './fields.ts';

const MARKUP = [
  /<\/?[a-z!][^>]*>?/i, // HTML tags and comments
  /\{[^}]*\}/, // MDX expressions
  /\*\*[^*]+\*\*|__[^_]+__|`[^`]+`|\[[^\]]+\]\([^)]*\)/, // Markdown emphasis, code, links
];

export function markupIn(text: string): string | undefined {
  const marker = scanMarkers(text).markers[0];
  if (marker) return marker.raw;
  for (const pattern of MARKUP) {
    const match = pattern.exec(text);
    if (match) return match[0].length > 30 ? `${match[0].slice(0, 30)}…` : match[0];
  }
  return undefined;
}

export const markupRules: Rule = (context) => {
  const problems: Problem[] = [];
  for (const field of stringFields(context.answers)) {
    const sample = markupIn(field.value);
    if (sample === undefined) continue;
    const path = formatPath(field.path);
    problems.push(problemAt(context, 'answer-markup', field.path, { path, sample }));
  }
  return problems;
};
