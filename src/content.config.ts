import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { checklistContentSchema } from './collections/checklists.ts';
import { threatEntrySchema } from './collections/threat-entry.ts';

/** The plan template, one MDX file per chapter (content/plan/NN-name.mdx). */
const plan = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/plan' }),
  schema: z.strictObject({
    title: z.string().min(1),
    chapter: z.number().int().min(1),
  }),
});

/** The 13 threat entry points, one MDX file each (content/threats/NN-slug.mdx). */
const threats = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/threats' }),
  schema: threatEntrySchema,
});

/** The handbook, one MDX file per chapter (content/handbook/<slug>.mdx → handbook/<slug>.html). */
const handbook = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/handbook' }),
  schema: z.strictObject({
    title: z.string().min(1),
    /** Position in the handbook's table of contents. */
    order: z.number().int().min(1),
    /** One sentence for the table of contents and the page's meta description. */
    description: z.string().min(1),
  }),
});

/**
 * The three checklists (content/checklists/<id>.yaml). Astro validates them with the same
 * schema; the pages read them through src/site/checklists.ts, which also resolves slots.
 */
const checklists = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/checklists' }),
  schema: checklistContentSchema,
});

export const collections = { plan, threats, handbook, checklists };
