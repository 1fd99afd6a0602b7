/**
 * The three checklists: incident response (the flow of chapter 3), readiness (what must
 * exist beforehand) and upkeep (chapter 6 and 7.2 at the answered frequencies). Their
 * words live in `content/checklists/*.yaml` (see checklist-content.ts); this module fills
 * in the company's answers and repeats the `each:` items once per value.
 *
 * Answer text is kept apart from our own words (`{ answer }` parts) so the page can put
 * it in `data-answer` elements, the HTML guard's mark for "the company's words, as text".
 */
import type { Answers } from '../answers/schema.ts';
import type { SlotValues } from '../answers/values.ts';
import { outsideResponder } from '../answers/values.ts';
import {
  requireChecklist,
  resolveText,
  type ChecklistContent,
  type ChecklistContentItem,
  type ChecklistId,
  type GeneratorName,
} from '../collections/checklists.ts';
import { PAGES } from './paths.ts';
import { containmentOrder } from '../answers/containment.ts';
import { assessmentOf, unknownRiskNumbers } from './threats.ts';

/** A piece of item text: our words, or an answer shown verbatim (`phone`: as a tel: link). */
export type Part = string | { answer: string; phone?: boolean };

export interface ChecklistItem {
  /** Stable: the anchor (`item-…`) and the key of the item in a saved incident record. */
  id: string;
  text: Part[];
  /** Who does it. */
  role?: Part[];
  /** By when, or how often. */
  target?: Part[];
  /** Plan section number the item comes from. */
  plan?: string;
  /** Related threat entries (numbers). */
  threats?: number[];
  /** A further explanation shown under the item. */
  detail?: Part[];
  /** A site file to open for this item (e.g. the contact list). */
  link?: { target: string; label: string };
  /** Show the public consulting and reporting windows under the item. */
  windows?: boolean;
}

export interface ChecklistPhase {
  id: string;
  title: string;
  plan?: string;
  items: ChecklistItem[];
}

export interface Checklist {
  id: 'incident' | 'readiness' | 'upkeep';
  title: string;
  phases: ChecklistPhase[];
}

/** What the generators need from a threat entry. */
export interface EntrySummary {
  number: number;
  name: string;
  firstIsolation: string;
}

export interface ChecklistInput {
  answers: Answers;
  values: SlotValues;
  entries: readonly EntrySummary[];
}

/** The checklist pages' site files. */
export const CHECKLIST_PAGES = {
  incident: 'checklists/incident.html',
  readiness: 'checklists/readiness.html',
  upkeep: 'checklists/upkeep.html',
} as const;

/** Placeholders whose values come from the answers: shown as answers, never as our words. */
const ANSWER_VARS: ReadonlySet<string> = new Set(['issue', 'system', 'from', 'to', 'contactRole', 'responderNote']);

type Vars = Record<string, string | undefined>;

const pad = (n: number) => String(n).padStart(2, '0');

function entryLabel(entries: readonly EntrySummary[], number: number): string {
  const entry = entries.find((e) => e.number === number);
  return `No.${number} ${entry?.name ?? ''}`.trim();
}

interface Instance {
  vars: Vars;
  threats?: number[];
  last?: boolean;
}

/** The values an `each:` item is repeated over. */
function instances(each: GeneratorName, { answers, entries }: ChecklistInput): Instance[] {
  const entryVars = (n: number): Instance => {
    const assessment = assessmentOf(answers, n);
    const entry = entries.find((e) => e.number === n);
    return {
      vars: { nn: pad(n), entry: entryLabel(entries, n), level: assessment.info.label, isolation: entry?.firstIsolation, issue: assessment.issue },
      threats: [n],
    };
  };
  switch (each) {
    case 'high-risk-entry':
      return containmentOrder(answers).map(entryVars);
    case 'unknown-entry':
      return unknownRiskNumbers(answers).map(entryVars);
    case 'log-system':
      return (answers.slots[6] ?? []).map((system, index) => ({ vars: { n: String(index + 1), system } }));
    case 'route-hop': {
      const route = answers.slots[8] ?? [];
      return route.slice(1).map((to, index) => ({ vars: { n: String(index + 1), from: route[index], to }, last: index === route.length - 2 }));
    }
    case 'contact':
      return answers.contacts.map((contact) => ({ vars: { contactId: contact.id, contactRole: contact.role } }));
  }
}

const LINK_TARGETS: Record<NonNullable<ChecklistContentItem['link']>['page'], string> = {
  contacts: PAGES.contacts,
  threats: PAGES.threats,
  plan: PAGES.plan,
  incident: CHECKLIST_PAGES.incident,
  readiness: CHECKLIST_PAGES.readiness,
  upkeep: CHECKLIST_PAGES.upkeep,
  bia: PAGES.bia,
};

/** `{name}` replaced by plain values, for ids and anchors. */
const fill = (text: string, vars: Vars) => text.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => vars[name] ?? '');

function resolveItem(item: ChecklistContentItem, instance: Instance, values: SlotValues): ChecklistItem {
  const parts = (text: string | undefined) => (text === undefined ? undefined : resolveText(text, values, instance.vars, ANSWER_VARS));
  const target = instance.last && item.lastTarget ? item.lastTarget : item.target;
  const resolved: ChecklistItem = {
    id: fill(item.id, instance.vars),
    text: parts(item.text) ?? [item.text.replace(/\{[A-Za-z]+\}/g, '（未回答）')],
    role: parts(item.role),
    target: parts(target),
    plan: item.plan,
    threats: item.threats ?? instance.threats,
    detail: parts(item.detail),
    link: item.link && {
      target: item.link.anchor ? `${LINK_TARGETS[item.link.page]}#${fill(item.link.anchor, instance.vars)}` : LINK_TARGETS[item.link.page],
      label: item.link.label,
    },
    windows: item.windows,
  };
  // Leave out what the content does not set, so the data reads like the old hand-built lists.
  for (const key of Object.keys(resolved) as (keyof ChecklistItem)[]) if (resolved[key] === undefined) delete resolved[key];
  return resolved;
}

/** A checklist's content with the answers filled in; phases left without items are dropped. */
export function buildChecklist(id: ChecklistId, content: ChecklistContent, input: ChecklistInput): Checklist {
  const common: Vars = { responderNote: outsideResponder(input.answers)?.note };
  return {
    id,
    title: content.title,
    phases: content.phases
      .map((phase) => ({
        id: phase.id,
        title: phase.title,
        plan: phase.plan,
        items: phase.items.flatMap((item) =>
          (item.each ? instances(item.each, input) : [{ vars: {} }]).map((instance) =>
            resolveItem(item, { ...instance, vars: { ...common, ...instance.vars } }, input.values),
          ),
        ),
      }))
      .filter((phase) => phase.items.length > 0),
  };
}

export function incidentChecklist(input: ChecklistInput): Checklist {
  return buildChecklist('incident', requireChecklist('incident'), input);
}

export function readinessChecklist(input: ChecklistInput): Checklist {
  return buildChecklist('readiness', requireChecklist('readiness'), input);
}

export function upkeepChecklist(input: ChecklistInput): Checklist {
  return buildChecklist('upkeep', requireChecklist('upkeep'), input);
}

/** Plain text of item parts, for labels and tests. */
export function partsText(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.answer)).join('');
}
