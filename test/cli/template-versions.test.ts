/**
 * Two template versions: the check names what moved, and `bcp migrate` rewrites the
 * answers file keeping comments and whatever still applies.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseAnswers } from '../../src/answers/load.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { diffTemplateVersions, slotsOf } from '../../src/slots/template.ts';
import { migrateAnswersText } from '../../src/cli/commands/migrate.ts';
import { VERSIONS } from '../fixtures/template/v1.1.ts';
import { FIXTURES, bcp as run } from '../helpers.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const slotsOfText = (text: string) => parseDocument(text).toJS().slots as Record<string, unknown>;

describe('template versions', () => {
  it('tells added, removed and re-meant slots apart, and rewording is not a change of meaning', () => {
    const diff = diffTemplateVersions(VERSIONS['1.0'], VERSIONS['1.1']);
    expect(diff.added.map((s) => s.id)).toEqual([19]);
    expect(diff.removed.map((s) => s.id)).toEqual([18]);
    expect(diff.changed.map((s) => s.id)).toEqual([7]);
    const reworded = slotsOf('1.0').map((s) => (s.id === 2 ? { ...s, question: '別の言い方の質問' } : s));
    expect(diffTemplateVersions(slotsOf('1.0'), reworded)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('makes the check list every moved slot when the answers are for the other version', () => {
    const loaded = parseAnswers(example, 'answers.yaml', { contentTemplateVersion: '1.1', templateVersions: VERSIONS });
    expect(loaded.answers).toBeUndefined();
    expect(loaded.problems.map(formatProblem)).toEqual([
      `answers.yaml:${lineOf(example, 'templateVersion:')}:18  エラー  回答はひな形 1.0 向けですが、本文はひな形 1.1 です。1.1 で増えた枠: #19#（バックアップの戻し試験の頻度）。1.1 でなくなった枠: #18#（内部監査の頻度）。1.1 で意味が変わった枠: #7#（復旧の目標時間）。\`bcp migrate --to 1.1\` で回答ファイルを書き換え、空になった欄を埋めてください。  template-version-mismatch`,
    ]);
  });

  it('migrates 1.0 → 1.1: drops the removed answer, empties the re-meant one, adds the new one, keeps the rest and the comments', () => {
    const { text, from, to } = migrateAnswersText(example, '1.1', VERSIONS);
    expect([from, to]).toEqual(['1.0', '1.1']);
    expect(text).toContain('templateVersion: "1.1"\n');
    const before = slotsOfText(example);
    const after = slotsOfText(text);
    expect(Object.keys(after).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 19]);
    expect(after[7]).toBe('');
    expect(after[19]).toBe('');
    for (const id of [1, 2, 3, 4, 5, 6, 8, 9, 10, 13, 14, 15, 16, 17]) expect(after[id], `slots.${id}`).toEqual(before[id]);
    // The question of each emptied slot is written above it.
    expect(text).toContain(
      '  # #7# 復旧の目標時間（ひな形 1.1 で意味が変わったので、前の回答を消しました）\n  # 質問: 主要な生産ラインを動かし直すまでの目標時間は（例: 3日以内）。\n  # 見本: 3日以内\n  7: ""\n',
    );
    expect(text).toContain(
      '  # #19# バックアップの戻し試験の頻度（ひな形 1.1 で増えた枠）\n  # 質問: バックアップから実際に戻せるかを試す頻度は（例: 年1回）。\n  # 見本: 年1回\n  19: ""\n',
    );
    // Comments elsewhere survive, and nothing outside the slots moved.
    for (const comment of [
      '# 脅威の入口（1〜13）ごとのリスクアセスメントの結果。',
      '    # 会社の窓口なので、公開版でも電話番号とメールアドレスを伏せない。',
      '  # asOf は見本の会社だけの設定です。',
    ]) {
      expect(text).toContain(comment);
    }
    const { slots: _a, templateVersion: _b, ...restAfter } = parseDocument(text).toJS() as Record<string, unknown>;
    const { slots: _c, templateVersion: _d, ...restBefore } = parseDocument(example).toJS() as Record<string, unknown>;
    expect(restAfter).toEqual(restBefore);
  });

  it('migrates back 1.1 → 1.0, and the result loads as 1.0 answers once the emptied slots are filled', () => {
    const there = migrateAnswersText(example, '1.1', VERSIONS).text.replace('  7: ""\n', '  7: 3日以内\n').replace('  19: ""\n', '  19: 年1回\n');
    const back = migrateAnswersText(there, '1.0', VERSIONS).text;
    expect(slotsOfText(back)[19]).toBeUndefined();
    expect(slotsOfText(back)[7]).toBe('');
    expect(slotsOfText(back)[18]).toBe('');
    const filled = back.replace('  7: ""\n', '  7: 2時間以内\n').replace('  18: ""\n', '  18: 年1回以上\n');
    const loaded = parseAnswers(filled, 'answers.yaml', { templateVersions: VERSIONS });
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.answers?.slots).toEqual(parseAnswers(example, 'answers.yaml').answers?.slots);
  });
});

describe('bcp migrate', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const bcp = (args: string[], cwd: string) => run(args, { cwd });

  it('leaves answers for the current version alone and refuses a version it does not know', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-migrate-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'a.yaml'), example);
    const same = await bcp(['migrate', '--answers', 'a.yaml'], dir);
    expect(same).toMatchObject({ code: 0, stdout: '回答はすでにひな形 1.0 向けです。書き換えるものはありません。\n' });
    const unknown = await bcp(['migrate', '--answers', 'a.yaml', '--to', '9.9'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('a.yaml:1:1  エラー  templateVersion「9.9」のひな形は知りません。対応している版: 1.0。  template-version-unknown\n');
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe(example);
  });

  it('says what is wrong with an empty file, a file without templateVersion and a folder, and changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-migrate-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'empty.yaml'), '\n');
    writeFileSync(path.join(dir, 'noversion.yaml'), example.replace(/^templateVersion: .*\n/m, ''));
    mkdirSync(path.join(dir, 'answers'));
    writeFileSync(path.join(dir, 'answers', 'answers.yaml'), example);
    const empty = await bcp(['migrate', '--answers', 'empty.yaml'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('empty.yaml:1:1  エラー  回答ファイルが空です。answers/answers.yaml を写して、自社の回答を書いてください。  answers-empty\n');
    expect(empty.stderr).not.toContain('templateVersion「」');
    const noVersion = await bcp(['migrate', '--answers', 'noversion.yaml'], dir);
    expect(noVersion.code).toBe(2);
    expect(noVersion.stderr).toContain('noversion.yaml:1:1  エラー  回答ファイルに templateVersion（どの版のひな形に答えたか）がない');
    expect(noVersion.stderr).toMatch(/migrate-no-version\n$/);
    const folder = await bcp(['migrate', '--answers', 'answers'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(
      'answers:1:1  エラー  回答ファイルとして渡された answers はフォルダです。--answers にはフォルダの中の YAML ファイルを指定してください（例: --answers answers/answers.yaml）。  answers-is-folder\n',
    );
    expect(readFileSync(path.join(dir, 'empty.yaml'), 'utf8')).toBe('\n');
  });
});
