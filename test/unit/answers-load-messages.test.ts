/**
 * What `bcp check` says when the answers cannot be read at all (issue 21): a folder given as
 * the answers file, and lists nested too deep for the parser, which is not an alias problem.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnswersFile, parseAnswers } from '../../src/answers/load.ts';
import { nameContacts } from '../../src/answers/error-map.ts';
import { formatProblem } from '../../src/errors/report.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'bcp-load-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('an answers path that is a folder', () => {
  it('says it is a folder and which file inside to pass, not that nothing was found', () => {
    mkdirSync(path.join(temp, 'answers'));
    writeFileSync(path.join(temp, 'answers', 'answers.yaml'), 'templateVersion: "1.0"\n');
    mkdirSync(path.join(temp, 'elsewhere'));
    expect(loadAnswersFile('answers', { cwd: temp }).problems.map(formatProblem)).toEqual([
      'answers:1:1  エラー  回答ファイルとして渡された answers はフォルダです。--answers にはフォルダの中の YAML ファイルを指定してください（例: --answers answers/answers.yaml）。  answers-is-folder',
    ]);
    const other = loadAnswersFile('elsewhere', { cwd: temp }).problems;
    expect(other.map((p) => p.ruleId)).toEqual(['answers-is-folder']);
    expect(other[0]!.message).not.toContain('見つかりません');
  });

  it('still says "not found" for a path that is not there', () => {
    expect(loadAnswersFile('nothing.yaml', { cwd: temp }).problems.map((p) => p.ruleId)).toEqual(['answers-not-found']);
  });

  it.each([
    ['~/bcp/answers.yaml', '~'],
    ['$HOME/answers.yaml', '$HOME'],
    ['%USERPROFILE%\\answers.yaml', '%USERPROFILE%'],
  ])('says that %j reached it unexpanded by the shell', (file, word) => {
    const [problem] = loadAnswersFile(file, { cwd: temp }).problems;
    expect(problem!.ruleId).toBe('answers-not-found');
    expect(problem!.message).toContain(`「${word}」はシェルが展開しないまま届きました`);
  });
});

describe('nesting too deep', () => {
  const flow = (depth: number) => `templateVersion: "1.0"\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  const block = (depth: number) => `templateVersion: "1.0"\nx:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}a\n`;

  it.each([
    ['brackets', flow(5000)],
    ['indented lists', block(3000)],
  ])('in %s is reported as nesting, not as aliases, with a short path', (_case, text) => {
    expect(text).not.toContain('*');
    const problems = parseAnswers(text, 'a.yaml').problems;
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.ruleId).toBe('answers-yaml-syntax');
    expect(problem!.message).toContain('深く入れ子になりすぎていて読めません');
    expect(problem!.message).not.toContain('エイリアス');
    expect(problem!.message.length).toBeLessThan(300);
  });

  it('an alias bomb is still reported as too many aliases', () => {
    const bomb = [
      'templateVersion: "1.0"',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '',
    ].join('\n');
    const [problem] = parseAnswers(bomb, 'a.yaml').problems;
    expect(problem!.message).toContain('エイリアス（*名前）の参照が多すぎます');
  });
});

describe('contacts in messages', () => {
  const contacts = [{ id: 'president', role: '代表取締役' }, { role: '総務課' }, {}, 'not a contact'];

  it('are named by id and role, not by their place in the list', () => {
    expect(nameContacts('contacts[0].mobile', contacts)).toBe('contacts[id=president「代表取締役」].mobile');
    expect(nameContacts('回答の contacts[1].phone と contacts[0]', contacts)).toBe('回答の contacts[「総務課」].phone と contacts[id=president「代表取締役」]');
  });

  it('keep their number when there is nothing else to name them by', () => {
    expect(nameContacts('contacts[2].email', contacts)).toBe('contacts[2].email');
    expect(nameContacts('contacts[3].email', contacts)).toBe('contacts[3].email');
    expect(nameContacts('contacts[9].email', contacts)).toBe('contacts[9].email');
    expect(nameContacts('contacts[0].mobile', undefined)).toBe('contacts[0].mobile');
  });

  it('in a schema message: the contact whose mobile is malformed', () => {
    const text = ['templateVersion: "1.0"', 'contacts:', '  - id: president', '    role: 代表取締役', '    mobile: 090-0000-12', ''].join('\n');
    const problem = parseAnswers(text, 'a.yaml').problems.find((p) => p.message.includes('mobile'));
    expect(problem?.message).toMatch(/^`contacts\[id=president「代表取締役」\]\.mobile`: /);
  });
});
