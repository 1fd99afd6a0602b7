/**
 * The guideline tables (content/guidelines/*.yaml): which guideline items the plan is
 * evidence for, and where. Anchors are checked against the built pages (evidence.ts).
 *
 * The automotive table follows the guideline's own structure: 24 labels, and under a label
 * the No.-numbered achievement conditions whose text we carry (in our own words). A label
 * whose conditions we do not carry is one unscored line pointing to the official check sheet.
 */
import { z } from 'zod';

const evidenceSchema = z.strictObject({
  /** A page of the site, as built (`plan.html`, `checklists/incident.html`). */
  page: z.string().regex(/^[a-z0-9/-]+\.html$/, 'サイトのページ名（plan.html など）を書いてください'),
  /** An id on that page; none links to the page itself. */
  anchor: z.string().min(1).optional(),
  /** How the evidence reads in the table and the CSV. */
  text: z.string().min(1),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * How a condition's status is worked out from the answers (score.ts). Each needs a record
 * (a date, an answer that says the measure is in place) before it says 対策済.
 */
export const STATUS_RULES = ['procedure-practised', 'not-in-answers'] as const;
export type StatusRule = (typeof STATUS_RULES)[number];

/** What the plan says about one part of a condition (label 6's five steps, say); shown, never scored. */
const partSchema = z.strictObject({
  name: z.string().min(1),
  /** covered: the plan has it; partial: only in part (say why); missing: not in the plan. */
  coverage: z.enum(['covered', 'partial', 'missing']),
  /** Required by the condition (the five steps) or an example the guideline suggests (the seven points). */
  required: z.boolean().default(false),
  note: z.string().min(1).optional(),
  evidence: z.array(evidenceSchema).default([]),
});
export type ConditionPart = z.infer<typeof partSchema>;

const conditionSchema = z
  .strictObject({
    label: z.number().int().min(1).max(24),
    /** The achievement condition's number (1–153), as on the check sheet. */
    no: z.number().int().min(1).max(153),
    level: z.enum(['Lv1', 'Lv2', 'Lv3']),
    /** The condition in our own words (never the guideline's text). */
    text: z.string().min(1),
    evidence: z.array(evidenceSchema).default([]),
    /** The answers the status reads or points to, as paths (`slots.6`, `upkeep.lastDrill`). */
    answers: z.array(z.string().min(1)).default([]),
    status: z.enum(STATUS_RULES),
    /** For `not-in-answers`: what the plan and the answers do say, and what the company must check. */
    reason: z.string().min(1).optional(),
    parts: z.array(partSchema).default([]),
  })
  .refine((c) => c.status !== 'not-in-answers' || c.reason !== undefined, {
    message: 'status: not-in-answers には reason（回答から分かることと、自社で確かめること）を書いてください',
    path: ['reason'],
  });
export type Condition = z.infer<typeof conditionSchema>;

const labelSchema = z.strictObject({
  number: z.number().int().min(1).max(24),
  category: z.string().min(1),
  name: z.string().min(1),
  /** Parts of the plan that support the label, shown on its unscored line. */
  evidence: z.array(evidenceSchema).default([]),
  answers: z.array(z.string().min(1)).default([]),
  /** What the plan offers for this label, and what it does not. */
  note: z.string().min(1).optional(),
  /** Worked out from the answers for the note (only `backup` for now). */
  check: z.enum(['backup']).optional(),
});
export type GuidelineLabel = z.infer<typeof labelSchema>;

export const automotiveSchema = z.strictObject({
  guideline: z.string().min(1),
  version: z.string().min(1),
  /** The official page with the guideline and its check sheet. */
  checkSheet: z.strictObject({ url: z.url(), text: z.string().min(1) }),
  /** Conditions per level in the whole guideline (check sheet), to show how few we carry. */
  levelTotals: z.strictObject({ Lv1: z.int(), Lv2: z.int(), Lv3: z.int() }),
  labels: z
    .array(labelSchema)
    .length(24, 'ガイドラインのラベルは24個です')
    .refine((labels) => labels.every((label, index) => label.number === index + 1), 'labels は 1 から 24 まで順に並べてください'),
  conditions: z.array(conditionSchema).refine((cs) => new Set(cs.map((c) => c.no)).size === cs.length, 'conditions の No. が重なっています'),
});
export type AutomotiveTable = z.infer<typeof automotiveSchema>;

export const ipaResponseSchema = z.strictObject({
  guideline: z.string().min(1),
  version: z.string().min(1),
  items: z.array(
    z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), group: z.string().min(1), name: z.string().min(1), evidence: z.array(evidenceSchema) }),
  ),
});
export type IpaResponseTable = z.infer<typeof ipaResponseSchema>;
