/**
 * The text each slot resolves to, derived from validated answers. Lists and routes are
 * joined here, once, so the plan, the checklists and the PDF all read the same words.
 */
import { OUTSIDE_RESPONDER_ID, slotsOf, type SlotDefinition } from '../slots/template.ts';
import type { Answers } from './schema.ts';

export type SlotValues = ReadonlyMap<number, string>;

export function outsideResponder(answers: Answers) {
  return answers.contacts.find((c) => c.id === OUTSIDE_RESPONDER_ID);
}

function valueOf(slot: SlotDefinition, answers: Answers): string | undefined {
  if (slot.id === 11) return outsideResponder(answers)?.organisation;
  if (slot.id === 12) return outsideResponder(answers)?.phone ?? outsideResponder(answers)?.mobile;
  const value = answers.slots[slot.id as keyof Answers['slots']];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (slot.kind === 'route' && Array.isArray(value)) return value.join(' → ');
  if (Array.isArray(value)) return value.join('、');
  return `${value.from}から${value.to}`;
}

/** Slot id → the text that replaces it. Slots without an answer are absent. */
export function slotValues(answers: Answers, version?: string): SlotValues {
  const values = new Map<number, string>();
  for (const slot of slotsOf(version)) {
    const value = valueOf(slot, answers);
    if (value !== undefined) values.set(slot.id, value);
  }
  return values;
}

/** The newest entry of the revision history: the plan's current version and date. */
export function currentRevision(answers: Answers) {
  return answers.revisions[answers.revisions.length - 1]!;
}

/** `tel:` target of a phone number as written in the answers (`06-1234-5678` → `tel:0612345678`). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
