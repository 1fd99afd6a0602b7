/**
 * The last gate before a site is published: no slot marker may survive into the HTML
 * except where the site shows slot syntax on purpose (inside <code>, or inside an
 * element with `data-slot`) or shows an answer verbatim (`data-answer`: answers are
 * text, so an answer that happens to contain `#3#x#3#` is shown, never resolved).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { scanMarkers } from '../slots/syntax.ts';

const EXEMPT_TAGS = new Set(['code', 'script', 'style', 'template']);

function isExempt(element: Element): boolean {
  const props = element.properties ?? {};
  return EXEMPT_TAGS.has(element.tagName) || props.dataSlot !== undefined || props.dataAnswer !== undefined;
}

/** Problems for every marker left in one HTML document. */
export function guardHtml(html: string, file: string): Problem[] {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const problems: Problem[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'element') {
        if (!isExempt(node)) walk(node.children as RootContent[]);
      } else if (node.type === 'text') {
        for (const marker of scanMarkers(node.value).markers) {
          problems.push({
            file,
            line: node.position?.start.line ?? 1,
            column: node.position?.start.column ?? 1,
            ruleId: 'marker-in-output',
            severity: 'error',
            message: ruleMessage('marker-in-output', { raw: marker.raw }),
          });
        }
      }
    }
  };
  walk(tree.children);
  return problems;
}

/** Guards every .html file under a folder; `label` replaces the folder in reported paths. */
export async function guardSite(dir: string, label = dir): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const full = path.join(entry.parentPath, entry.name);
    problems.push(...guardHtml(await readFile(full, 'utf8'), path.join(label, path.relative(dir, full))));
  }
  return problems;
}
