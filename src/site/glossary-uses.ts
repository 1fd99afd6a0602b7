/**
 * Where each glossary term is used: the glossary page links back to those pages. The
 * glossary plugin records the terms of each compiled file (`glossaryTerms` in the
 * entry's remark-plugin frontmatter); this collects them per term, in site order.
 */
import { getCollection, render } from 'astro:content';
import { handbookPage } from './paths.ts';
import { threatPage } from './threats.ts';

export interface TermUse {
  label: string;
  /** Site file, e.g. `plan.html#chapter-3`. */
  target: string;
}

export async function glossaryUses(): Promise<Map<string, TermUse[]>> {
  const plan = (await getCollection('plan')).sort((a, b) => a.data.chapter - b.data.chapter);
  const handbook = (await getCollection('handbook')).sort((a, b) => a.data.order - b.data.order);
  const threats = (await getCollection('threats')).sort((a, b) => a.data.number - b.data.number);
  const pages = [
    ...plan.map((e) => ({ entry: e, use: { label: `計画 ${e.data.chapter}章`, target: `plan.html#chapter-${e.data.chapter}` } })),
    ...handbook.map((e) => ({ entry: e, use: { label: `手引き「${e.data.title}」`, target: handbookPage(e.id) } })),
    ...threats.map((e) => ({ entry: e, use: { label: `脅威の入口 ${e.data.number}`, target: threatPage(e.data.number) } })),
  ];
  const uses = new Map<string, TermUse[]>();
  for (const { entry, use } of pages) {
    const { remarkPluginFrontmatter } = await render(entry);
    for (const id of (remarkPluginFrontmatter.glossaryTerms as string[] | undefined) ?? []) {
      uses.set(id, [...(uses.get(id) ?? []), use]);
    }
  }
  return uses;
}
