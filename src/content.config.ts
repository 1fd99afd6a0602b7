import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The plan template, one MDX file per chapter (content/plan/NN-name.mdx). */
const plan = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/plan' }),
  schema: z.strictObject({
    title: z.string().min(1),
    chapter: z.number().int().min(1),
  }),
});

export const collections = { plan };
