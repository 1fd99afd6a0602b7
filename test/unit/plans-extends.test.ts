import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { mergeAnswers } from '../../src/answers/extends.ts';

const example = readFileSync(new URL('../../answers/answers.yaml', import.meta.url), 'utf8');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(base: string, plan: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcp-extends-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'plans', 'east'), { recursive: true });
  writeFileSync(path.join(dir, 'plans', 'base.yaml'), base);
  writeFileSync(path.join(dir, 'plans', 'east', 'answers.yaml'), plan);
  return dir;
}

describe('mergeAnswers', () => {
  it('merges maps key by key and replaces lists and scalars whole', () => {
    const merged = mergeAnswers({ a: { x: 1, y: 2 }, list: [1, 2], s: 'base' }, { a: { y: 3 }, list: [9], s: null });
    expect(merged).toEqual({ a: { x: 1, y: 3 }, list: [9], s: null });
  });
});

describe('extends', () => {
  it('validates the merged answers: the plan overrides the base key by key', () => {
    const dir = project(example, 'extends: ../base.yaml\ncompany:\n  name: 株式会社かもめ精工 東工場\n');
    const loaded = loadAnswersFile('plans/east/answers.yaml', { cwd: dir });
    expect(loaded.problems).toEqual([]);
    expect(loaded.answers?.company.name).toBe('株式会社かもめ精工 東工場');
    // Kept from the base.
    expect(loaded.answers?.company.shortName).toBe('かもめ精工');
    expect(loaded.locate(['company', 'name'])).toEqual({ line: 3, column: 9 });
    const inBase = loaded.locate(['company', 'shortName']);
    expect(inBase.file).toBe(path.join('plans', 'base.yaml'));
    expect(inBase.line).toBe(example.split('\n').findIndex((l) => l.startsWith('  shortName:')) + 1);
  });

  it('reports a wrong value in the file that holds it', () => {
    const broken = example.replace(/^  employees: 48$/m, '  employees: たくさん');
    const dir = project(broken, 'extends: ../base.yaml\ncompany:\n  name: 東工場\n');
    const problems = loadAnswersFile('plans/east/answers.yaml', { cwd: dir }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: path.join('plans', 'base.yaml'), ruleId: 'answers-invalid' });
    expect(problems[0]!.line).toBe(broken.split('\n').findIndex((l) => l.startsWith('  employees:')) + 1);
    // The same mistake written in the plan is reported in the plan.
    const planned = project(example, 'extends: ../base.yaml\ncompany:\n  employees: たくさん\n');
    expect(loadAnswersFile('plans/east/answers.yaml', { cwd: planned }).problems[0]).toMatchObject({
      file: path.join('plans', 'east', 'answers.yaml'),
      line: 3,
    });
  });

  it('reports a missing base at the extends line, and refuses a base that extends again', () => {
    const dir = project(example, 'company:\n  name: x\nextends: ../nowhere.yaml\n');
    expect(loadAnswersFile('plans/east/answers.yaml', { cwd: dir }).problems[0]).toMatchObject({ ruleId: 'plan-extends-invalid', line: 3 });
    const chained = project(`extends: other.yaml\n${example}`, 'extends: ../base.yaml\n');
    expect(loadAnswersFile('plans/east/answers.yaml', { cwd: chained }).problems[0]).toMatchObject({
      ruleId: 'plan-extends-invalid',
      file: path.join('plans', 'base.yaml'),
      line: 1,
    });
  });
});

describe('contacts merged by id', () => {
  it('overrides a shared contact by id, appends the plan’s own, and locates each in its file', () => {
    const merged = mergeAnswers(
      {
        contacts: [
          { id: 'a', phone: '1' },
          { id: 'b', phone: '2' },
        ],
      },
      { contacts: [{ id: 'c' }, { id: 'b', phone: '9' }] },
      [],
    );
    expect(merged).toEqual({ contacts: [{ id: 'a', phone: '1' }, { id: 'b', phone: '9' }, { id: 'c' }] });
    const phoneLine = example.split('\n').findIndex((l) => l.includes('phone: 06-0000-1201')) + 1;
    const plan =
      'extends: ../base.yaml\ncontacts:\n  - id: plant-guard\n    role: 守衛室\n    phone: 079-0000-0001\n  - id: security-officer\n    person: 東 一郎\n';
    const loaded = loadAnswersFile('plans/east/answers.yaml', { cwd: project(example, plan) });
    expect(loaded.problems).toEqual([]);
    const contacts = loaded.answers!.contacts;
    expect(contacts[0]).toMatchObject({ id: 'security-officer', person: '東 一郎', phone: '06-0000-1201' });
    expect(contacts.at(-1)).toMatchObject({ id: 'plant-guard', role: '守衛室' });
    // Each part located in the file that holds it.
    expect(loaded.locate(['contacts', 0, 'person'])).toEqual({ line: 7, column: 13 });
    const phone = loaded.locate(['contacts', 0, 'phone']);
    expect(phone).toMatchObject({ file: path.join('plans', 'base.yaml'), line: phoneLine });
    expect(loaded.locate(['contacts', contacts.length - 1, 'role'])).toEqual({ line: 4, column: 11 });
    expect(loaded.locate(['contacts', 1, 'id']).file).toBe(path.join('plans', 'base.yaml'));
  });
});

describe('the report cache key of a plan', () => {
  it('changes when the base the plan extends changes', async () => {
    const { checkInputsKey } = await import('../../src/check/report-cache.ts');
    const dir = project(example, 'extends: ../base.yaml\n');
    const key = () => checkInputsKey(dir, { tool: 't', answersFile: 'plans/east/answers.yaml', exampleFile: 'none.yaml' });
    const before = key();
    expect(key()).toBe(before);
    writeFileSync(path.join(dir, 'plans', 'base.yaml'), example.replace('  employees: 48', '  employees: 49'));
    expect(key()).not.toBe(before);
  });
});

describe('where a missing slot answer goes, in a plan', () => {
  it('names the base when the base holds the slots', async () => {
    const { answerPlace } = await import('../../src/check/check.ts');
    const base = example.replace(/^  7: .*\n/m, '');
    const loaded = loadAnswersFile('plans/east/answers.yaml', { cwd: project(base, 'extends: ../base.yaml\n') });
    expect(loaded.problems).toEqual([]);
    const line = base.split('\n').findIndex((l) => l.startsWith('  6:')) + 1;
    expect(answerPlace(loaded, 7)).toBe(`${path.join('plans', 'base.yaml')}:${line}:3（\`slots.6\` の次）`);
  });
});
