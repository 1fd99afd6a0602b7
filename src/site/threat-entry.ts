/**
 * The frontmatter of one threat entry page (content/threats/NN-slug.mdx). Kept apart
 * from content.config.ts so tests can validate the files without Astro.
 */
import { z } from 'astro/zod';

/** The four kinds of damage an entry can lead to, as the handbook series groups them. */
export const RISK_CATEGORIES = ['工場停止', '情報漏洩', '情報改竄', '品質低下'] as const;

/** A plan section by its number: `3.1` (a section) or `3.1.4` (step ④ of 3.1). */
export const PLAN_SECTION_NUMBER = /^\d+\.\d+(\.\d+)?$/;

export const threatEntrySchema = z.strictObject({
  number: z.number().int().min(1).max(13),
  name: z.string().min(1),
  /** What an attack through this entry can cause. */
  event: z.string().min(1),
  risk: z.enum(RISK_CATEGORIES),
  /** Signs that someone on the floor or in the office can notice. */
  signs: z.array(z.string().min(1)).min(1),
  /** The first thing to cut off when this entry is suspected. */
  firstIsolation: z.string().min(1),
  /** The handbook's incident cases (1 or 2) that went through this entry. */
  cases: z.array(z.union([z.literal(1), z.literal(2)])).default([]),
  /** Plan sections that act on this entry, by number (resolved to anchors when built). */
  planSections: z.array(z.string().regex(PLAN_SECTION_NUMBER)).min(1),
});

export type ThreatEntry = z.infer<typeof threatEntrySchema>;
