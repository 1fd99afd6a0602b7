/**
 * Every evidence reference of the guideline tables must lead somewhere: the page exists in
 * the built site and, where an anchor is named, an element with that id is on it. Run over
 * the finished pages, so a renamed heading fails the build at the table's line.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import type { Guidelines } from './load.ts';

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
  const tables = [
    ['automotive', guidelines.automotive.items],
    ['ipa', guidelines.ipa.items],
  ] as const;
  for (const [table, items] of tables) {
    items.forEach((item, i) => {
      item.evidence.forEach((evidence, j) => {
        const found = idsOf(evidence.page);
        const missing = found === undefined ? 'page' : evidence.anchor !== undefined && !found.has(evidence.anchor) ? 'anchor' : undefined;
        if (!missing) return;
        const target = missing === 'page' ? evidence.page : `${evidence.page}#${evidence.anchor}`;
        problems.push({
          ...guidelines.locateEvidence(table, i, j),
          ruleId: 'evidence-missing',
          severity: 'error',
          message: ruleMessage('evidence-missing', { target, item: item.id }),
        });
      });
    });
  }
  return problems;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}
