/**
 * The Markdown/MDX plugin list for the site, in one explicit order.
 *
 * Order matters: slots are resolved first (remark), so that every later plugin sees the
 * company's words, not the template's markers.
 */
import type { SlotValues } from '../src/answers/values.ts';
import rehypeGlossary from './rehype-glossary.ts';
import remarkBcpSlots from './remark-bcp-slots.ts';

export interface SitePluginOptions {
  /** Slot id → answer text, from the validated answers. */
  values?: SlotValues;
  /** The answers file named in messages. */
  answersFile: string;
  /** Stop the build on a slot error (true for `bcp build`; the dev server shows it on the page). Default: true. */
  failOnError?: boolean;
}

export function sitePlugins({ values, answersFile, failOnError = true }: SitePluginOptions) {
  return {
    remarkPlugins: [[remarkBcpSlots, { values, answersFile, failOnError }]] as [typeof remarkBcpSlots, object][],
    // After the slots: a resolved slot is a <Slot> element, not text, so the glossary
    // never links inside an answer; it works on HTML (rehype) because it skips headings,
    // links and code by their elements.
    rehypePlugins: [[rehypeGlossary, {}]] as [typeof rehypeGlossary, object][],
  };
}
