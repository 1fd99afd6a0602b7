/**
 * Revision discipline (`bcp revisions --base REF`) in a throwaway git repository: a pull
 * request that changes the plan without a new revision entry fails and says what to add.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRevisions } from '../../src/check/revisions.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { FIXTURES, bcp } from '../helpers.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const ANSWERS = 'answers/answers.yaml';
const NEW_REVISION = '  - version: "1.2"\n    date: 2026-11-01\n    summary: 初動の目標時間を見直し\n    approvedBy: 代表取締役\n';

let repo: string;

function git(...args: string[]) {
  return execFileSync('git', ['-c', 'user.name=テスト', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
}

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
}

function edit(file: string, from: string, to: string) {
  const text = readFileSync(path.join(repo, file), 'utf8');
  expect(text.split(from).length - 1, `"${from}" once in ${file}`).toBe(1);
  writeFileSync(path.join(repo, file), text.replace(from, to));
}

/** Adds a revision entry right after the last one (before the upkeep block). */
function addRevision() {
  edit(ANSWERS, '    approvedBy: 代表取締役\n\n', `    approvedBy: 代表取締役\n${NEW_REVISION}\n`);
}

const check = () => checkRevisions({ base: 'main', cwd: repo }).problems.map(formatProblem);
const revisionsLine = () => readFileSync(path.join(repo, ANSWERS), 'utf8').split('\n').indexOf('revisions:') + 1;
const missing = (changed: string) =>
  `${ANSWERS}:${revisionsLine()}:1  エラー  計画の中身が変わりましたが、改訂履歴（revisions）に新しい版がありません（変わったもの: ${changed}）。${ANSWERS} の revisions の最後に、version: "1.2"、date（承認した日）、summary（何を変えたか）、approvedBy（承認した役職）の1件を足してください。  revision-missing`;

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'bcp-revisions-'));
  git('init', '-q', '-b', 'main');
  write(ANSWERS, example);
  write('content/plan/01-intro.mdx', '---\ntitle: はじめに\nchapter: 1\n---\n\n計画の目的。\n');
  write('README.md', '説明\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'change');
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
});

/** The example's history, from `revisions:` to the blank line after it. */
const HISTORY = /revisions:\n(?: {2}- [^\n]*\n(?: {4}[^\n]*\n)*)+/;

describe('bcp revisions', () => {
  it('passes when nothing in the plan changed (other files, comments, the upkeep record)', () => {
    appendFileSync(path.join(repo, 'README.md'), '追記\n');
    edit(ANSWERS, '# 自社の計画を作るときは', '# 自社向けの計画を作るときは');
    edit(ANSWERS, '  lastDrill: 2026-06-19', '  lastDrill: 2026-10-20');
    git('commit', '-q', '-am', 'no plan change');
    expect(check()).toEqual([]);
  });

  it('fails when the content changed without a new revision, and passes once one is added', () => {
    edit('content/plan/01-intro.mdx', '計画の目的。', '計画の目的と範囲。');
    git('commit', '-q', '-am', 'content');
    expect(check()).toEqual([missing('content/plan/01-intro.mdx')]);
    addRevision();
    expect(check()).toEqual([]);
  });

  it('names the answers that changed, and counts a new content file not yet committed', () => {
    edit(ANSWERS, '  7: 2時間以内', '  7: 3時間以内');
    edit(ANSWERS, '    mobile: 090-0000-1000', '    mobile: 090-0000-1999');
    write('content/plan/02-new.mdx', '---\ntitle: 新章\nchapter: 2\n---\n\n本文。\n');
    expect(check()).toEqual([missing('content/plan/02-new.mdx、回答の slots.7、回答の contacts[id=president「代表取締役」].mobile')]);
  });

  it('does not accept an edited old entry as a new one', () => {
    edit(ANSWERS, '  7: 2時間以内', '  7: 3時間以内');
    edit(ANSWERS, '    summary: ひな形 1.0 をもとに初版を制定', '    summary: ひな形 1.0 をもとに初版を制定し、目標時間を変更');
    expect(check()).toEqual([missing('回答の slots.7')]);
  });

  it('accepts a history started over at 1.0 (a company making the plan its own)', () => {
    const text = readFileSync(path.join(repo, ANSWERS), 'utf8');
    expect(text).toMatch(HISTORY);
    const fresh = 'revisions:\n  - version: "1.0"\n    date: 2026-11-01\n    summary: 初版を制定\n    approvedBy: 代表取締役\n';
    writeFileSync(path.join(repo, ANSWERS), text.replace(HISTORY, fresh).replace('  7: 2時間以内', '  7: 3時間以内'));
    expect(check()).toEqual([]);
  });

  it('does not take a shortened old history for a fresh one', () => {
    edit(ANSWERS, '  7: 2時間以内', '  7: 3時間以内');
    const text = readFileSync(path.join(repo, ANSWERS), 'utf8');
    const firstOnly = text.match(HISTORY)![0].split('  - version: "1.1"')[0]!;
    writeFileSync(path.join(repo, ANSWERS), text.replace(HISTORY, firstOnly));
    expect(check()).toEqual([missing('回答の slots.7')]);
  });

  it('says so in Japanese when the base cannot be found', () => {
    const [problem] = checkRevisions({ base: 'origin/nai', cwd: repo }).problems;
    expect(problem?.ruleId).toBe('revision-base-unknown');
    expect(problem?.message).toMatch(
      /^比べる元「origin\/nai」が git で見つかりません（.+）。ブランチ名を確かめ、CI では履歴をすべて取得（actions\/checkout の fetch-depth: 0）してください。$/,
    );
  });

  it('exits non-zero from the command line with the located message', async () => {
    edit('content/plan/01-intro.mdx', '計画の目的。', '計画の目的と範囲。');
    const failed = await bcp(['revisions', '--base', 'main'], { cwd: repo });
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toBe(missing('content/plan/01-intro.mdx'));
    addRevision();
    const passed = await bcp(['revisions', '--base', 'main'], { cwd: repo });
    expect(passed.code, passed.stderr).toBe(0);
    expect(passed.stderr.trim()).toBe('計画の変更に合わせて改訂履歴も増えています。');
  });
});
