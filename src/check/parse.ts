/**
 * Parses content files and runs the slot plugin on them: the costly half of the scan
 * (micromark and the MDX parser). scan.ts `import()`s this only when a file is not in the
 * scan cache, so a warm `bcp check` never loads the parsers.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { ruleMessage } from '../errors/catalogue.ts';
import remarkBcpSlots, { type Options as SlotOptions } from '../../plugins/remark-bcp-slots.ts';

export function slotScanner(options: SlotOptions): (file: VFile) => Promise<void> {
  const markdown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkBcpSlots, options);
  const mdx = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).use(remarkBcpSlots, options);
  return async (file) => {
    const processor = /\.mdx$/i.test(file.path) ? mdx : markdown;
    try {
      await processor.run(processor.parse(file), file);
    } catch (error) {
      // A syntax error in MDX itself (e.g. an unescaped `{`) arrives as a located message.
      const place = (error as { place?: unknown }).place;
      const message = file.message(ruleMessage('content-syntax', { detail: (error as Error).message }), {
        place: place as never,
        ruleId: 'content-syntax',
        source: 'bcp-content',
      });
      message.fatal = true;
    }
  };
}
