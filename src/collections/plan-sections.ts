/**
 * The plan's sections by number (`3`, `3.1`, `3.1.4`), each with the anchor the built
 * plan page gives it. Other pages link to a step by its number; the anchor comes from
 * the rendered headings, so a renamed heading never leaves a stale link behind.
 */
import { ruleMessage, ruleSeverity, type RuleId } from '../errors/catalogue.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import { PAGES } from '../site/paths.ts';

export interface PlanSection {
  /** `3.1.4` for step ④ of section 3.1. */
  number: string;
  /** The element id on the plan page. */
  id: string;
  /** How a link to it reads: `3.1 ④ 初期対応`. */
  title: string;
}

export interface ChapterHeadings {
  chapter: number;
  id: string;
  title: string;
  /** The chapter's source file, named in problems. */
  filePath?: string | undefined;
  headings: ReadonlyArray<{ depth: number; slug: string; text: string }>;
}

/** A stop in the build, located at the file to change (headings carry no position once rendered). */
function fail<R extends 'plan-heading-duplicate' | 'plan-section-unknown'>(ruleId: R, file: string, params: Parameters<typeof ruleMessage<R>>[1]): never {
  const id: RuleId = ruleId;
  throw new ProblemsError([{ file, line: 1, column: 1, ruleId: id, severity: ruleSeverity(id), message: ruleMessage(ruleId, params) }]);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const SECTION = /^(\d+\.\d+)\s*(.*)$/;

/** Sections (h3 `3.1 …`) and their numbered steps (h4 `④ …`) of every chapter. */
export function sectionsFromHeadings(chapters: readonly ChapterHeadings[]): Map<string, PlanSection> {
  const sections = new Map<string, PlanSection>();
  const ids = new Set<string>();
  const add = (section: PlanSection, file: string) => {
    // Chapters render one by one, so a heading repeated in two chapters would share an id.
    if (ids.has(section.id)) fail('plan-heading-duplicate', file, { id: section.id });
    ids.add(section.id);
    sections.set(section.number, section);
  };
  for (const chapter of chapters) {
    const file = chapter.filePath ?? 'content/plan';
    add({ number: String(chapter.chapter), id: chapter.id, title: `${chapter.chapter}. ${chapter.title}` }, file);
    let current: string | undefined;
    for (const heading of chapter.headings) {
      const text = heading.text.trim();
      if (heading.depth === 3) {
        const match = SECTION.exec(text);
        current = match?.[1];
        if (current) add({ number: current, id: heading.slug, title: text }, file);
      } else if (heading.depth === 4 && current) {
        const step = CIRCLED.indexOf(text.charAt(0));
        if (step >= 0) add({ number: `${current}.${step + 1}`, id: heading.slug, title: `${current} ${text}` }, file);
      }
    }
  }
  return sections;
}

/** `plan.html#…` for a section number; unknown numbers stop the build with the culprit named. */
export function sectionTarget(sections: ReadonlyMap<string, PlanSection>, number: string, usedBy: string): string {
  const section = sections.get(number);
  if (!section) {
    fail('plan-section-unknown', 'content/plan', { usedBy, number, known: [...sections.keys()].join('、') });
  }
  return `${PAGES.plan}#${section.id}`;
}

export function sectionTitle(sections: ReadonlyMap<string, PlanSection>, number: string): string {
  return sections.get(number)?.title ?? number;
}
