/** Shared test helpers: fixture paths, answers, and the markdown-to-HTML pipeline for slot cases. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { loadAnswersFile } from '../src/answers/load.ts';
import { slotValues, type SlotValues } from '../src/answers/values.ts';
import { formatProblem } from '../src/errors/report.ts';
import type { Problem } from '../src/errors/catalogue.ts';
import remarkBcpSlots from '../plugins/remark-bcp-slots.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** Rewrite expected files instead of comparing (UPDATE=1 npm test). */
export const UPDATE = process.env.UPDATE === '1';

export function fixtureValues(name = 'example.yaml'): SlotValues {
  const loaded = loadAnswersFile(path.join(FIXTURES, 'answers', name), { cwd: ROOT });
  if (!loaded.answers) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return slotValues(loaded.answers);
}

/** Runs one Markdown file through the slot plugin to HTML; returns the HTML and located messages. */
export async function renderMarkdown(file: string, values: SlotValues, cwd = ROOT) {
  const vfile = new VFile({ path: path.relative(cwd, file), cwd, value: readFileSync(file, 'utf8') });
  const html = await unified().use(remarkParse).use(remarkGfm).use(remarkBcpSlots, { values }).use(remarkRehype).use(rehypeStringify).process(vfile);
  const problems: Problem[] = vfile.messages.map((m) => ({
    file: vfile.path,
    line: m.line ?? 0,
    column: m.column ?? 0,
    ruleId: m.ruleId as Problem['ruleId'],
    severity: m.fatal ? 'error' : 'warning',
    message: m.reason,
  }));
  return { html: String(html), problems, slots: vfile.data.bcpSlots ?? [] };
}
