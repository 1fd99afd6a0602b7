/**
 * Parses content files and runs them through the site's Markdown/MDX steps up to the
 * HTML tree: the costly half of the scan (micromark and the MDX parser). scan.ts
 * `import()`s this only when a file is not in the scan cache, so a warm `bcp check` never
 * loads the parsers.
 *
 * The steps are the build's (plugins/index.ts): the slot plugin, remark-rehype, the
 * glossary, and then the HTML guard the build runs over its pages (src/build/html-guard.ts),
 * here over the file's tree. So whatever the build would reject with `marker-in-output`,
 * `bcp check` rejects first, at the line in the content file.
 */
import { createProcessor } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin, type PluggableList } from 'unified';
import type { VFile } from 'vfile';
import { findMarkersInTree } from '../slots/guard.ts';
import { ruleMessage } from '../errors/catalogue.ts';
import type { GlossaryTerm } from '../glossary/schema.ts';
import rehypeGlossary from '../../plugins/rehype-glossary.ts';
import remarkBcpSlots, { type Options as SlotOptions } from '../../plugins/remark-bcp-slots.ts';

export interface ScanOptions extends SlotOptions {
  /** The glossary's terms, when the project has a valid glossary: the glossary step runs with them. */
  glossary?: readonly GlossaryTerm[];
}

export function slotScanner(options: ScanOptions): (file: VFile) => Promise<void> {
  const { glossary, ...slotOptions } = options;
  const rehypeSteps = [...(glossary ? [[rehypeGlossary, { terms: glossary }]] : []), rehypeGuard] as PluggableList;
  // Markdown: the steps Astro runs for .md (GFM, the slots, to HTML, the glossary).
  const markdown = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkGfm)
    .use(remarkBcpSlots, slotOptions)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSteps);
  // MDX: the MDX compiler Astro's MDX integration uses, with the same plugins. Its own steps
  // matter: it unwraps a paragraph that holds only a JSX element (`<div>#3#x#3#</div>`).
  const mdx = createProcessor({
    format: 'mdx',
    remarkPlugins: [remarkFrontmatter, remarkGfm, [remarkBcpSlots, slotOptions]],
    rehypePlugins: rehypeSteps,
  });
  return async (file) => {
    try {
      // The tree is only parsed and transformed (the guard runs before the compiler writes JavaScript).
      if (/\.mdx$/i.test(file.path)) await mdx.run(mdx.parse(file) as never, file);
      else await markdown.run(markdown.parse(file), file);
    } catch (error) {
      // A syntax error in MDX itself (e.g. an unescaped `{`) arrives as a located message.
      const place = (error as { place?: unknown }).place;
      const detail = (error as { reason?: string }).reason ?? (error as Error).message;
      const message = file.message(ruleMessage('content-syntax', { detail }), {
        place: place as never,
        ruleId: 'content-syntax',
        source: 'bcp-content',
      });
      message.fatal = true;
      file.data.bcpUnparsed = true;
    }
  };
}

declare module 'vfile' {
  interface DataMap {
    /** The file could not be parsed: its slots are unknown. */
    bcpUnparsed: boolean;
  }
}

/**
 * The build's HTML guard, over one file's tree. A marker the slot plugin already reported
 * on the same line (an unknown slot left in place, a marker in a link target) is not
 * reported twice.
 */
const rehypeGuard: Plugin<[], HastRoot> = () => (tree, file) => {
  const reported = new Set<number | string | undefined>(file.messages.filter((m) => m.fatal).map((m) => m.line));
  for (const finding of findMarkersInTree(tree)) {
    // One message per marker place: `#3#x#3#` in one attribute is one problem.
    if (reported.has(finding.line) || (finding.attribute && reported.has(`${finding.line}:${finding.column}:${finding.attribute}`))) continue;
    if (finding.attribute) reported.add(`${finding.line}:${finding.column}:${finding.attribute}`);
    const message = file.message(ruleMessage('marker-in-output', { raw: finding.raw, attribute: finding.attribute }), {
      place: { line: finding.line, column: finding.column },
      ruleId: 'marker-in-output',
      source: 'bcp-guard',
    });
    message.fatal = true;
  }
};
