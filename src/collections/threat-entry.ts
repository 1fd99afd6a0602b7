/**
 * The frontmatter of one threat entry page (content/threats/NN-slug.mdx). Kept apart
 * from content.config.ts so tests can validate the files without Astro.
 */
// Plain zod (the version astro/zod re-exports): `bcp check` loads this without Astro.
import { z } from 'zod';

/** The four kinds of damage an entry can lead to, as the handbook series groups them. */
export const RISK_CATEGORIES = ['工場停止', '情報漏洩', '情報改竄', '品質低下'] as const;

/** A plan section by its number: `3.1` (a section) or `3.1.4` (step ④ of 3.1). */
export const PLAN_SECTION_NUMBER = /^\d+\.\d+(\.\d+)?$/;

/**
 * The entry each handbook incident case came in through (the handbook's 2.3): Case 1 by a
 * USB stick (No.1), Case 2 through the maintenance network (No.10). An entry may list a
 * case under `cases` only if the case came in there; otherwise it is a related case.
 */
export const CASE_ENTRY: Readonly<Record<1 | 2, number>> = { 1: 1, 2: 10 };

const caseNumber = z.union([z.literal(1), z.literal(2)]);

/** Where the entry's hotspot sits on the map's drawing (viewBox 0 0 1000 660), and where its label goes. */
export const mapPositionSchema = z.strictObject({
  x: z.number().min(0).max(1000),
  y: z.number().min(0).max(660),
  label: z.enum(['left', 'right', 'below']),
});

export type MapPosition = z.infer<typeof mapPositionSchema>;

export const threatEntrySchema = z
  .strictObject({
    number: z.number().int().min(1).max(13),
    name: z.string().min(1),
    /** What an attack through this entry can cause. */
    event: z.string().min(1),
    risk: z.enum(RISK_CATEGORIES),
    /** Signs that someone on the floor or in the office can notice. */
    signs: z.array(z.string().min(1)).min(1),
    /** The first thing to cut off when this entry is suspected. */
    firstIsolation: z.string().min(1),
    /** The handbook's incident cases (1 or 2) that came in through this entry. */
    cases: z.array(caseNumber).default([]),
    /** Cases that came in elsewhere but passed through this entry, with how, in our words. */
    relatedCases: z.array(z.strictObject({ case: caseNumber, how: z.string().min(1) })).default([]),
    /** The hotspot on the threat map. */
    map: mapPositionSchema,
    /** Plan sections that act on this entry, by number (resolved to anchors when built). */
    planSections: z.array(z.string().regex(PLAN_SECTION_NUMBER)).min(1),
  })
  .superRefine((entry, ctx) => {
    entry.cases.forEach((n, index) => {
      if (CASE_ENTRY[n] !== entry.number) {
        ctx.addIssue({
          code: 'custom',
          path: ['cases', index],
          message: `事例${n}はNo.${CASE_ENTRY[n]}から入られた事例です。この入口を通った事例なら relatedCases に、どう関わったか（how）を添えて書いてください。`,
        });
      }
    });
    for (const [index, related] of entry.relatedCases.entries()) {
      if (entry.cases.includes(related.case)) {
        ctx.addIssue({
          code: 'custom',
          path: ['relatedCases', index, 'case'],
          message: `事例${related.case}は cases にもあります。どちらか一方にしてください。`,
        });
      }
    }
  });

export type ThreatEntry = z.infer<typeof threatEntrySchema>;
