/** What every checklist page needs: answers, threat entries and the plan's sections. */
import { getCollection } from 'astro:content';
import { siteAnswers } from './answers.ts';
import type { ChecklistInput } from './checklists.ts';
import { planSections } from './plan.ts';

export async function checklistPageData() {
  const { answers, values, revision } = siteAnswers();
  const entries = (await getCollection('threats')).map((e) => e.data).sort((a, b) => a.number - b.number);
  const input: ChecklistInput = { answers, values, entries };
  return {
    input,
    answers,
    revision,
    sections: await planSections(),
    entryNames: new Map(entries.map((e) => [e.number, e.name])),
  };
}
