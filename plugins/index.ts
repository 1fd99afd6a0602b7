/**
 * The Markdown/MDX plugin list for the site, in one explicit order.
 *
 * Order matters: slots are resolved first (remark), so that every later plugin sees the
 * company's words, not the template's markers.
 */
import type { SlotValues } from '../src/answers/values.ts';
import remarkBcpSlots from './remark-bcp-slots.ts';

export interface SitePluginOptions {
  /** Slot id → answer text, from the validated answers. */
  values?: SlotValues;
  /** The answers file named in messages. */
  answersFile: string;
}

export function sitePlugins({ values, answersFile }: SitePluginOptions) {
  return {
    remarkPlugins: [[remarkBcpSlots, { values, answersFile, failOnError: true }]] as [typeof remarkBcpSlots, object][],
    rehypePlugins: [],
  };
}
