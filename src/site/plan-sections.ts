/**
 * The plan's sections by number (`3`, `3.1`, `3.1.4`), each with the anchor the built
 * plan page gives it. Other pages link to a step by its number; the anchor comes from
 * the rendered headings, so a renamed heading never leaves a stale link behind.
 */
import { PAGES } from './paths.ts';

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
  headings: ReadonlyArray<{ depth: number; slug: string; text: string }>;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const SECTION = /^(\d+\.\d+)\s*(.*)$/;

/** Sections (h3 `3.1 …`) and their numbered steps (h4 `④ …`) of every chapter. */
export function sectionsFromHeadings(chapters: readonly ChapterHeadings[]): Map<string, PlanSection> {
  const sections = new Map<string, PlanSection>();
  const ids = new Set<string>();
  const add = (section: PlanSection) => {
    // Chapters render one by one, so a heading repeated in two chapters would share an id.
    if (ids.has(section.id)) throw new Error(`計画本文で見出しの id「${section.id}」が重複しています。見出しの文言を変えてください。`);
    ids.add(section.id);
    sections.set(section.number, section);
  };
  for (const chapter of chapters) {
    add({ number: String(chapter.chapter), id: chapter.id, title: `${chapter.chapter}. ${chapter.title}` });
    let current: string | undefined;
    for (const heading of chapter.headings) {
      const text = heading.text.trim();
      if (heading.depth === 3) {
        const match = SECTION.exec(text);
        current = match?.[1];
        if (current) add({ number: current, id: heading.slug, title: text });
      } else if (heading.depth === 4 && current) {
        const step = CIRCLED.indexOf(text.charAt(0));
        if (step >= 0) add({ number: `${current}.${step + 1}`, id: heading.slug, title: `${current} ${text}` });
      }
    }
  }
  return sections;
}

/** `plan.html#…` for a section number; unknown numbers stop the build with the culprit named. */
export function sectionTarget(sections: ReadonlyMap<string, PlanSection>, number: string, usedBy: string): string {
  const section = sections.get(number);
  if (!section) {
    throw new Error(`${usedBy} が計画本文の「${number}」を参照していますが、その番号の節はありません（ある節: ${[...sections.keys()].join('、')}）。`);
  }
  return `${PAGES.plan}#${section.id}`;
}

export function sectionTitle(sections: ReadonlyMap<string, PlanSection>, number: string): string {
  return sections.get(number)?.title ?? number;
}
