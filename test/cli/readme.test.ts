/**
 * The README's example messages are real output: each block marked
 * `<!-- readme-example: NAME … -->` is compared, line for line, with what `bcp check`
 * prints for that case in a throwaway copy of the project's plan.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, bcp } from '../helpers.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');

/** How each README example is made: the answers file the person has written. */
const CASES: Record<string, string> = {
  'missing-answer': readFileSync(path.join(FIXTURES, 'answers', 'missing-7.yaml'), 'utf8'),
  'phone-without-hyphens': example.replace('    phone: 06-0000-1201', '    phone: 0600001201'),
};

/** The README's example blocks by name: the lines of the ```text block after each marker. */
function readmeExamples(): Map<string, string[]> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = new Map<string, string[]>();
  for (const match of readme.matchAll(/<!-- readme-example: ([a-z-]+)[^>]*-->\n\s*```text\n([\s\S]*?)\n\s*```/g)) {
    blocks.set(
      match[1]!,
      match[2]!.split('\n').map((line) => line.trim()),
    );
  }
  return blocks;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function checkOutput(answers: string): Promise<{ code: number; lines: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcp-readme-'));
  made.push(dir);
  cpSync(path.join(ROOT, 'content', 'plan'), path.join(dir, 'content', 'plan'), { recursive: true });
  mkdirSync(path.join(dir, 'answers'));
  writeFileSync(path.join(dir, 'answers', 'answers.yaml'), answers);
  const { code, stderr } = await bcp(['check', 'content/plan'], { cwd: dir });
  return { code, lines: code === 0 ? [] : stderr.split('\n').filter(Boolean) };
}

describe('README examples', () => {
  const examples = readmeExamples();

  it('has every example this test knows, and no other', () => {
    expect([...examples.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, answers] of Object.entries(CASES)) {
    it(`${name}: the block is what bcp check prints`, async () => {
      const { code, lines } = await checkOutput(answers);
      expect(code).toBe(1);
      expect(examples.get(name)).toEqual(lines);
    });
  }
});
