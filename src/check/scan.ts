/**
 * Scans content files for slots with the same remark plugin the site build uses, but
 * without building anything: this is what makes `bcp check` fast.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { ruleMessage } from '../errors/catalogue.ts';
import remarkBcpSlots, { type Options as SlotOptions } from '../../plugins/remark-bcp-slots.ts';

export async function scanFiles(files: readonly string[], options: SlotOptions & { cwd: string }): Promise<VFile[]> {
  const { cwd, ...slotOptions } = options;
  const markdown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkBcpSlots, slotOptions);
  const mdx = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).use(remarkBcpSlots, slotOptions);
  return Promise.all(
    files.map(async (filePath) => {
      const file = new VFile({ path: path.relative(cwd, filePath), cwd, value: await readFile(filePath, 'utf8') });
      const processor = /\.mdx$/i.test(filePath) ? mdx : markdown;
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
      return file;
    }),
  );
}
