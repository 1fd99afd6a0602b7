/**
 * The committed markdownlint setup (.markdownlint-cli2.jsonc and the slot-aware heading
 * rule) over fixture files, run through the real CLI from the repository root so the
 * root config applies as it does for `npm run lint:content`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const run = promisify(execFile);
const CLI = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const FIXTURES = 'test/fixtures/markdownlint';

async function lint(file: string): Promise<{ code: number; problems: string[] }> {
  try {
    await run(process.execPath, [CLI, `${FIXTURES}/${file}`], { cwd: ROOT });
    return { code: 0, problems: [] };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, problems: stderr.split('\n').filter((line) => line.startsWith(FIXTURES)) };
  }
}

const HEADING =
  'error bcp-heading-space/no-missing-space-atx-except-slots No space after hash on atx style heading (a line that starts with a slot #N# is not a heading)';

describe('markdownlint config for Japanese MDX', () => {
  it('accepts lines that start with a slot, long Japanese lines and code with #', async () => {
    expect(await lint('slots-are-not-headings.mdx')).toEqual({ code: 0, problems: [] });
  });

  it('takes a threat entry name in the frontmatter as the page heading', async () => {
    expect(await lint('threat-entry-name.mdx')).toEqual({ code: 0, problems: [] });
  });

  it('still reports a heading typed without its space, and a broken slot at the start of a line', async () => {
    expect(await lint('heading-without-space.mdx')).toEqual({
      code: 1,
      problems: [
        `${FIXTURES}/heading-without-space.mdx:5:1 ${HEADING} [Context: "##見出しの記号の後ろに空白がない"]`,
        `${FIXTURES}/heading-without-space.mdx:7:1 ${HEADING} [Context: "#12 のように枠の記号が壊れている行も、見出しの書き間違いとして知らせる。"]`,
      ],
    });
  });
});
