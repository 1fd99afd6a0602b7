/**
 * The repository's root holds the project's layout and nothing else: a debugging script or a
 * scratch file committed by mistake (`t-tmp.ts`, issue 21) fails here. Reads the tracked
 * files with one `git ls-files` (so it sits in the cli tier, with the other git runs).
 * A new top-level file or folder that belongs to the project is added to the list on purpose.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

/** Every top-level name the project's layout has. */
const ROOT_LAYOUT = new Set([
  // Folders.
  '.ci',
  '.github',
  'answers',
  'bench',
  'content',
  'examples',
  'plans',
  'plugins',
  'public',
  'scripts',
  'src',
  'test',
  // Files.
  '.gitignore',
  '.markdownlint-cli2.jsonc',
  '.prettierignore',
  '.prettierrc.json',
  '.puppeteerrc.cjs',
  'README.md',
  'astro.config.mjs',
  'package-lock.json',
  'package.json',
  'tsconfig.json',
  'vitest.config.ts',
]);

/** The top-level names of `tracked` (paths with `/`) that the layout does not have. */
function strays(tracked: readonly string[]): string[] {
  return [...new Set(tracked.map((file) => file.split('/')[0]!))].filter((name) => !ROOT_LAYOUT.has(name)).sort();
}

describe('the repository root', () => {
  it('tracks only the files and folders of the project layout', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked).toContain('package.json');
    expect(strays(tracked)).toEqual([]);
  });

  it('names a stray file at the root, and a stray folder', () => {
    expect(strays(['package.json', 'src/cli/bcp.ts', 't-tmp.ts', 'notes/todo.md', 'src2/a.ts'])).toEqual(['notes', 'src2', 't-tmp.ts']);
  });
});
