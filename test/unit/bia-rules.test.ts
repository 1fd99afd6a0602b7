/**
 * The BIA rules: the example company passes; each fixture under test/fixtures/bia/<case>/
 * replaces the example's `bia` section (bia.yaml) and must report exactly the problems in
 * expected.txt, as whole `file:line:col  severity  message  rule-id` lines.
 * `vitest -u` rewrites expected.txt on purpose (read the diff before committing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import { checkAnswerRules } from '../../src/answers/rules/index.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { RULES } from '../../src/errors/catalogue.ts';
import { FIXTURES } from '../helpers.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const DIR = path.join(FIXTURES, 'bia');
const TODAY = '2026-11-01';

/** The example with its `bia` section (the last one of the file) replaced. */
function withBia(section: string): string {
  const start = example.indexOf('\nbia:\n');
  expect(start, 'the example ends with a bia section').toBeGreaterThan(0);
  return `${example.slice(0, start + 1)}${section}`;
}

/** Schema problems when the answers do not load, else the consistency rules' problems. */
function problems(text: string): string[] {
  const loaded = parseAnswers(text, 'answers.yaml');
  if (loaded.problems.length > 0) return loaded.problems.map(formatProblem);
  return checkAnswerRules(loaded, { today: TODAY }).map(formatProblem);
}

describe('BIA rules', () => {
  it('find nothing wrong with the example company', () => {
    expect(example).toContain('\nbia:\n');
    expect(problems(example)).toEqual([]);
  });

  it('have stable ids with Japanese messages in the catalogue', () => {
    for (const id of [
      'bia-system-unknown',
      'bia-system-unused',
      'bia-rto-missing',
      'bia-backup-not-ready',
      'bia-backup-321',
      'bia-rto-before-grasp',
    ] as const) {
      expect(RULES[id].message, id).toBeTypeOf('function');
      expect(RULES[id].title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    // Only the broken references and a missing RTO stop a build; the rest are warnings by default.
    expect(RULES['bia-system-unknown'].severity).toBe('error');
    expect(RULES['bia-rto-missing'].severity).toBe('error');
    expect(RULES['bia-backup-not-ready'].severity).toBe('warning');
    expect(RULES['bia-backup-321'].severity).toBe('warning');
    expect(RULES['bia-rto-before-grasp'].severity).toBe('warning');
    expect(RULES['bia-system-unused'].severity).toBe('warning');
  });

  const cases = readdirSync(DIR).filter((name) => existsSync(path.join(DIR, name, 'bia.yaml')));
  it('have a fixture for every case folder', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('report %s', async (name) => {
    const actual = problems(withBia(readFileSync(path.join(DIR, name, 'bia.yaml'), 'utf8')));
    const expectedFile = path.join(DIR, name, 'expected.txt');
    expect(actual.length, 'a fixture must expect at least one problem').toBeGreaterThan(0);
    await expect(`${actual.join('\n')}\n`).toMatchFileSnapshot(expectedFile);
  });
});
