/**
 * 「見本のまま」: answers still equal to the template's sample or to the example company's
 * value. Each one is a decision nobody made yet, so a reviewer should see it. Warnings
 * only: a sample can be the right answer (「年1回」), but someone has to say so.
 *
 * Not part of ANSWER_RULES because it needs the example company's answers, which the
 * check loads from the project (`answers/example.yaml`) next to the company's own.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Problem } from '../../errors/catalogue.ts';
import { OUTSIDE_RESPONDER_ID, slotsOf } from '../../slots/template.ts';
import { biaSample } from '../bia-sample.ts';
import { formatPath } from '../error-map.ts';
import type { Answers, Contact } from '../schema.ts';
import { slotValues } from '../values.ts';
import { problemAt, type FieldPath, type RuleContext } from './context.ts';

export { EXAMPLE_ANSWERS_FILE } from '../files.ts';

const CONTACT_FIELDS = ['organisation', 'person', 'phone', 'mobile', 'email', 'note'] as const satisfies readonly (keyof Contact)[];
const COMPANY_FIELDS = ['name', 'shortName', 'industry', 'address'] as const;
const UPKEEP_FIELDS = ['lastReview', 'lastEducation', 'lastDrill', 'lastAudit'] as const;

function shown(value: unknown): string {
  const text = Array.isArray(value) ? value.join('、') : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function unchangedSampleRules(context: RuleContext, example?: Answers): Problem[] {
  const { answers } = context;
  // `upkeep.asOf` is the example company's own pin: the example is not asked to change itself.
  if (answers.upkeep?.asOf !== undefined) return [];
  const problems: Problem[] = [];
  const exampleName = example?.company.shortName ?? example?.company.name;
  const fromTemplate = (path: FieldPath, value: unknown, slot?: number) =>
    problems.push(problemAt(context, 'answer-unchanged-sample', path, { path: formatPath(path), value: shown(value), source: 'template', slot }));
  const fromExample = (path: FieldPath, value: unknown, slot?: number) =>
    problems.push(
      problemAt(context, 'answer-unchanged-sample', path, { path: formatPath(path), value: shown(value), source: 'example', example: exampleName, slot }),
    );

  const values = slotValues(answers);
  // Samples the company chose on purpose (issue 21): `confirmed: [15, 16]`.
  const confirmed = new Set(answers.confirmed ?? []);
  for (const slot of slotsOf()) {
    if (!slot.answerPath.startsWith('slots.') || confirmed.has(slot.id)) continue;
    const answer = answers.slots[slot.id as keyof Answers['slots']];
    if (answer === undefined) continue;
    const path = ['slots', String(slot.id)];
    if (values.get(slot.id) === slot.sample) fromTemplate(path, values.get(slot.id), slot.id);
    else if (example && isDeepStrictEqual(answer, example.slots[slot.id as keyof Answers['slots']])) fromExample(path, values.get(slot.id), slot.id);
  }

  for (const field of COMPANY_FIELDS) {
    const value = answers.company[field];
    if (value !== undefined && example && value === example.company[field]) fromExample(['company', field], value);
  }

  const exampleContactValues = new Set((example?.contacts ?? []).flatMap((c) => CONTACT_FIELDS.map((f) => c[f]).filter((v) => typeof v === 'string')));
  const organisationSample = slotsOf().find((s) => s.answerPath.endsWith('.organisation'))?.sample;
  answers.contacts.forEach((contact, index) => {
    for (const field of CONTACT_FIELDS) {
      const value = contact[field];
      if (typeof value !== 'string') continue;
      if (field === 'organisation' && contact.id === OUTSIDE_RESPONDER_ID && value === organisationSample) fromTemplate(['contacts', index, field], value);
      else if (exampleContactValues.has(value)) fromExample(['contacts', index, field], value);
    }
  });

  if (example?.threats && answers.threats) {
    const own = answers.threats as Partial<Record<string, { issue?: string }>>;
    const theirs = example.threats as Partial<Record<string, { issue?: string }>>;
    if (isDeepStrictEqual(answers.threats, example.threats)) fromExample(['threats'], '脅威の入口 1〜13 の評価');
    else {
      for (const [n, entry] of Object.entries(own)) {
        if (entry?.issue !== undefined && entry.issue === theirs[n]?.issue) fromExample(['threats', n, 'issue'], entry.issue);
      }
    }
  }

  const exampleSummaries = new Set((example?.revisions ?? []).map((r) => r.summary));
  answers.revisions.forEach((revision, index) => {
    if (exampleSummaries.has(revision.summary)) fromExample(['revisions', index, 'summary'], revision.summary);
  });

  // The BIA rows `bcp init` writes as an example (issue 21).
  const bia = biaSample();
  answers.bia?.processes.forEach((process, index) => {
    if (bia.processes.some((p) => p.name === process.name)) fromTemplate(['bia', 'processes', index, 'name'], process.name);
  });
  answers.bia?.systems.forEach((system, index) => {
    if (bia.systems.some((s) => s.name === system.name)) fromTemplate(['bia', 'systems', index, 'name'], system.name);
  });

  for (const field of UPKEEP_FIELDS) {
    const value = answers.upkeep?.[field];
    if (value !== undefined && value === example?.upkeep?.[field]) fromExample(['upkeep', field], value);
  }
  return problems;
}
