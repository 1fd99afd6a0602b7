/** Shared test helpers: fixture paths, answers, and the markdown-to-HTML pipeline for slot cases. */
import { execFile } from 'node:child_process';
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
import { CLI_ENTRY } from '../scripts/bundle-cli.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** Rewrite expected files instead of comparing (UPDATE=1 npm test). */
export const UPDATE = process.env.UPDATE === '1';

/** The `bcp` users run (`npm run check`): the bundle, kept fresh by test/setup-cli.ts. */
export const BCP = CLI_ENTRY;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `bcp` as a user would, outside GitHub Actions unless `env` says otherwise; never throws on an exit code. */
export function bcp(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BCP, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, GITHUB_ACTIONS: '', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

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
