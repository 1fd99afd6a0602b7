/** Multi-plan layout: which plans a change affects, the overview, and revisions through the shared base. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { checkRevisions } from '../../src/check/revisions.ts';
import { overviewCsv, overviewHtml, planRow } from '../../src/plans/overview.ts';
import { runPlanInit } from '../../src/plans/init.ts';
import { listPlans, plansTouchedBy, selectPlans } from '../../src/plans/plans.ts';
import { ROOT } from '../helpers.ts';

const EXAMPLE = path.join(ROOT, 'examples', 'two-plants', 'plans');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcp-plans-unit-'));
  dirs.push(dir);
  return dir;
};

describe('plan selection', () => {
  const known = ['himeji', 'kakogawa'];
  it('a change in one plan folder affects that plan only; anything else affects every plan', () => {
    expect(plansTouchedBy(['plans/himeji/answers.yaml'], known)).toEqual(['himeji']);
    expect(plansTouchedBy(['plans/kakogawa/answers.yaml', 'plans/himeji/notes.md'], known)).toEqual(['himeji', 'kakogawa']);
    expect(plansTouchedBy(['plans/base.yaml'], known)).toEqual(known);
    expect(plansTouchedBy(['content/plan/03.mdx'], known)).toEqual(known);
    expect(plansTouchedBy([], known)).toEqual([]);
    expect(plansTouchedBy(['examples/two-plants/plans/himeji/answers.yaml'], known, 'examples/two-plants/plans')).toEqual(['himeji']);
  });

  it('finds the plans of a folder, and keeps a project without plans single', () => {
    expect(listPlans(ROOT, EXAMPLE)).toEqual(['himeji', 'kakogawa']);
    expect(selectPlans(ROOT, { answersGiven: false })).toEqual({ problems: [] });
    expect(selectPlans(ROOT, { answersGiven: false, dir: EXAMPLE }).ids).toEqual(['himeji', 'kakogawa']);
    expect(selectPlans(ROOT, { answersGiven: true, dir: EXAMPLE }).ids).toBeUndefined();
    expect(selectPlans(ROOT, { plan: ['osaka'], answersGiven: false, dir: EXAMPLE }).problems[0]?.ruleId).toBe('plan-not-found');
  });
});

describe('overview', () => {
  const loaded = loadAnswersFile(path.join(EXAMPLE, 'kakogawa', 'answers.yaml'), { cwd: ROOT });
  const row = planRow('kakogawa', loaded.answers, { errors: 0, warnings: 2 }, '2026-12-03', undefined, true);

  it('counts the plan’s status from its answers', () => {
    expect(row).toMatchObject({
      company: '株式会社しらさぎ工業 加古川工場',
      version: '1.1',
      date: '2026-11-20',
      unassessed: 1,
      bad: 3,
      lastDrill: '2025-12-20',
    });
    expect(row.soon).toEqual(['訓練']);
    expect(row.overdue).toEqual([]);
  });

  it('writes the CSV for Excel and the sortable page, escaping what it shows', () => {
    const csv = overviewCsv([row, { ...row, id: 'x', company: '=HYPERLINK("a")', built: false }]);
    expect(csv.startsWith('\uFEFF計画,会社・拠点,')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""a"")"`);
    const html = overviewHtml([row, { ...row, id: 'y', company: '<script>alert(1)</script>', built: false }], '2026-12-03');
    expect(html).toContain('<a href="kakogawa/index.html">kakogawa</a>');
    // Not built: no link to a folder that is not there.
    expect(html).toContain('<td>y</td>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('bcp check --changed', () => {
  it('checks only the plans a change can affect', async () => {
    const { bcp } = await import('../helpers.ts');
    const repo = temp();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, stdio: 'ignore' });
    cpSync(EXAMPLE, path.join(repo, 'plans'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'plans');
    const plan = path.join(repo, 'plans', 'kakogawa', 'answers.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('employees: 31', 'employees: 32'));
    // Run from the repository: the plans folder is the default, and content/ of the tool is read from there.
    const one = await bcp(['check', '--plans', path.join(repo, 'plans'), '--changed', 'HEAD'], { cwd: repo });
    expect(one.stderr).toContain('== 計画 kakogawa（');
    expect(one.stderr).not.toContain('== 計画 himeji（');
    writeFileSync(path.join(repo, 'plans', 'base.yaml'), `${readFileSync(path.join(repo, 'plans', 'base.yaml'), 'utf8')}\n`);
    const all = await bcp(['check', '--changed', 'HEAD'], { cwd: repo });
    expect(all.stderr).toContain('== 計画 himeji（');
    expect(all.stderr).toContain('== 計画 kakogawa（');
  });
});

describe('bcp revisions through the base', () => {
  it('asks each plan for a revision entry when only the shared base changed', () => {
    const repo = temp();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    cpSync(EXAMPLE, path.join(repo, 'plans'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'plans');
    const file = path.join('plans', 'himeji', 'answers.yaml');
    expect(checkRevisions({ base: 'main', answersFile: file, cwd: repo }).problems).toEqual([]);
    const base = path.join(repo, 'plans', 'base.yaml');
    writeFileSync(base, readFileSync(base, 'utf8').replace('  7: 2時間以内', '  7: 3時間以内'));
    const result = checkRevisions({ base: 'main', answersFile: file, cwd: repo });
    expect(result.changed).toContain('回答の slots.7');
    expect(result.problems.map((p) => p.ruleId)).toEqual(['revision-missing']);
    expect(result.problems[0]!.file).toBe(file);
  });
});

describe('bcp init --plan', () => {
  it('starts a plan that extends the base, points at what is left to fill in, and never overwrites', async () => {
    const dir = temp();
    cpSync(path.join(EXAMPLE, 'base.yaml'), path.join(dir, 'plans', 'base.yaml'));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(await runPlanInit({ dir: 'plans', id: 'east', force: false, cwd: dir })).toBe(0);
      expect(await runPlanInit({ dir: 'plans', id: 'east', force: false, cwd: dir })).toBe(2);
      expect(await runPlanInit({ dir: 'plans', id: '../east', force: false, cwd: dir })).toBe(2);
    } finally {
      console.error = quiet;
    }
    const file = path.join('plans', 'east', 'answers.yaml');
    expect(readFileSync(path.join(dir, file), 'utf8')).toMatch(/^extends: \.\.\/base\.yaml$/m);
    const loaded = loadAnswersFile(file, { cwd: dir });
    expect(loaded.problems.map((p) => [p.file, p.message.split('`')[1]])).toEqual([[file, 'revisions[0].approvedBy']]);
    expect(listPlans(dir)).toEqual(['east']);
  });
});
