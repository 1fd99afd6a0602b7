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
import type { Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import type { VFile } from 'vfile';
import { findMarkersInTree } from '../slots/guard.ts';
import { ruleMessage } from '../errors/catalogue.ts';
import type { GlossaryTerm } from '../glossary/schema.ts';
import rehypeGlossary from '../../plugins/rehype-glossary.ts';
import remarkBcpSlots, { type Options as SlotOptions } from '../../plugins/remark-bcp-slots.ts';

/** The MDX nodes remark-rehype hands on as they are (as @mdx-js/mdx does). */
const MDX_NODES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] as unknown as Array<MdastNodes['type']>;

export interface ScanOptions extends SlotOptions {
  /** The glossary's terms, when the project has a valid glossary: the glossary step runs with them. */
  glossary?: readonly GlossaryTerm[];
}

export function slotScanner(options: ScanOptions): (file: VFile) => Promise<void> {
  const { glossary, ...slotOptions } = options;
  const steps = (mdx: boolean) =>
    unified()
      .use(remarkParse)
      .use(remarkFrontmatter)
      .use(remarkGfm)
      .use(mdx ? [remarkMdx] : [])
      .use(remarkBcpSlots, slotOptions)
      .use(remarkRehype, { allowDangerousHtml: true, passThrough: MDX_NODES })
      .use(glossary ? [[rehypeGlossary, { terms: glossary }]] : [])
      .use(rehypeGuard);
  const markdown = steps(false);
  const mdx = steps(true);
  return async (file) => {
    const processor = /\.mdx$/i.test(file.path) ? mdx : markdown;
    try {
      await processor.run(processor.parse(file), file);
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
