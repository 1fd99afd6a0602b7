/**
 * Every evidence reference of the guideline tables must lead somewhere: the page exists in
 * the built site and, where an anchor is named, an element with that id is on it. Run over
 * the finished pages, so a renamed heading fails the build at the table's line.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import type { Guidelines } from './load.ts';
import type { Evidence } from './schema.ts';

interface Reference {
  table: 'automotive' | 'ipa';
  /** The field of the reference in its table, for the position. */
  field: (string | number)[];
  /** How the owner is named in the message. */
  owner: string;
  evidence: Evidence;
}

/** Every evidence reference of both tables, with where it sits. */
export function evidenceReferences(guidelines: Guidelines): Reference[] {
  const refs: Reference[] = [];
  const { automotive, ipa } = guidelines;
  automotive.labels.forEach((label, i) =>
    label.evidence.forEach((evidence, j) => refs.push({ table: 'automotive', field: ['labels', i, 'evidence', j], owner: `ラベル${label.number}`, evidence })),
  );
  automotive.conditions.forEach((condition, i) => {
    condition.evidence.forEach((evidence, j) =>
      refs.push({ table: 'automotive', field: ['conditions', i, 'evidence', j], owner: `No.${condition.no}`, evidence }),
    );
    condition.parts.forEach((part, k) =>
      part.evidence.forEach((evidence, j) =>
        refs.push({ table: 'automotive', field: ['conditions', i, 'parts', k, 'evidence', j], owner: `No.${condition.no} ${part.name}`, evidence }),
      ),
    );
  });
  ipa.items.forEach((item, i) =>
    item.evidence.forEach((evidence, j) => refs.push({ table: 'ipa', field: ['items', i, 'evidence', j], owner: item.id, evidence })),
  );
  return refs;
}

export function checkEvidence(siteDir: string, guidelines: Guidelines): Problem[] {
  const ids = new Map<string, Set<string> | undefined>();
  const idsOf = (page: string) => {
    if (!ids.has(page)) {
      const file = path.join(siteDir, page);
      const html = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      ids.set(page, html === undefined ? undefined : new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]!))));
    }
    return ids.get(page);
  };
  const problems: Problem[] = [];
  for (const { table, field, owner, evidence } of evidenceReferences(guidelines)) {
    const found = idsOf(evidence.page);
    const missing = found === undefined ? 'page' : evidence.anchor !== undefined && !found.has(evidence.anchor) ? 'anchor' : undefined;
    if (!missing) continue;
    const target = missing === 'page' ? evidence.page : `${evidence.page}#${evidence.anchor}`;
    problems.push({
      ...guidelines.locate(table, field),
      ruleId: 'evidence-missing',
      severity: 'error',
      message: ruleMessage('evidence-missing', { target, item: owner }),
    });
  }
  return problems;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}
