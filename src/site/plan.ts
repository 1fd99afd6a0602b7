/** The plan's chapters in order, rendered once per page that shows them. */
import { getCollection, render } from 'astro:content';
import { sectionsFromHeadings } from '../collections/plan-sections.ts';

export async function planChapters() {
  const entries = (await getCollection('plan')).sort((a, b) => a.data.chapter - b.data.chapter);
  return Promise.all(
    entries.map(async (entry) => {
      const { Content, headings } = await render(entry);
      return { id: `chapter-${entry.data.chapter}`, chapter: entry.data.chapter, title: entry.data.title, filePath: entry.filePath, Content, headings };
    }),
  );
}

/** The plan's sections by number, from the same rendered chapters. */
export async function planSections() {
  return sectionsFromHeadings(await planChapters());
}
