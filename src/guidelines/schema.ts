/**
 * The guideline tables (content/guidelines/*.yaml): which guideline items the plan is
 * evidence for, and where. Anchors are checked against the built pages (evidence.ts).
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

/** How an item's self-score is worked out from the answers (score.ts). */
export const SCORE_RULES = ['procedure', 'organisation', 'education', 'training', 'backup', 'threats-assessed', 'partial', 'not-covered'] as const;
export type ScoreRule = (typeof SCORE_RULES)[number];

const automotiveItemSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: z.number().int().min(1).max(24),
    /** The achievement condition's number, where we know it (1–153). */
    no: z.number().int().min(1).max(153).optional(),
    level: z.enum(['Lv1', 'Lv2', 'Lv3']).optional(),
    /** A part of the condition (one of label 6's steps, say). */
    part: z.string().min(1).optional(),
    summary: z.string().min(1),
    evidence: z.array(evidenceSchema).min(1),
    /** The answers the score reads, as shown to people. */
    answers: z.array(z.string().min(1)).optional(),
    score: z.enum(SCORE_RULES),
    /** Why a `partial` item is only partly met: shown beside its score. */
    reason: z.string().min(1).optional(),
  })
  .refine((item) => item.score !== 'partial' || item.reason !== undefined, {
    message: 'score: partial には reason（足りない点）を書いてください',
    path: ['reason'],
  });
export type AutomotiveItem = z.infer<typeof automotiveItemSchema>;

export const automotiveSchema = z.strictObject({
  guideline: z.string().min(1),
  version: z.string().min(1),
  labels: z
    .array(z.strictObject({ number: z.number().int().min(1).max(24), category: z.string().min(1), name: z.string().min(1) }))
    .length(24, 'ガイドラインのラベルは24個です')
    .refine((labels) => labels.every((label, index) => label.number === index + 1), 'labels は 1 から 24 まで順に並べてください'),
  items: z.array(automotiveItemSchema).refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'items の id が重なっています'),
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
