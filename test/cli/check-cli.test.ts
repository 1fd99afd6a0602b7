/** `bcp check` as a person and CI run it: exit codes, whole located messages, JSON, annotations. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, bcp as run } from '../helpers.ts';

const bcp = (args: string[], cwd = ROOT, env: Record<string, string> = {}) => run(args, { cwd, env });

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project: content files and an answers file, nothing else. */
function project(files: Record<string, string>, answers = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcp-check-'));
  made.push(dir);
  for (const [name, text] of Object.entries({ ...files, 'answers/answers.yaml': answers })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** 1-based line of the first line that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  const line = text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
  expect(line, prefix).toBeGreaterThan(0);
  return line;
}

const ATTRIBUTE = (where: string, raw: string) =>
  `${where}に枠記号 \`${raw}\` があります。枠が回答に置き換わるのは本文の文字の中だけで、ここではそのまま出力されます。枠を本文の文字に移すか、記号を消してください（記号として見せるなら \`\\#\` と書きます）。`;

describe('bcp check', () => {
  it('passes on the example company and lists all 22 slot places as JSON', async () => {
    const { code, stdout } = await bcp(['check', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { tokens: Array<{ id: number; file: string; line: number; column: number; resolved: boolean }>; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.tokens).toHaveLength(22);
    expect(new Set(report.tokens.map((t) => t.id))).toEqual(new Set(Array.from({ length: 18 }, (_, i) => i + 1)));
    expect(report.tokens.every((t) => t.resolved && t.file.startsWith('content/plan/') && t.line > 0 && t.column > 0)).toBe(true);
  });

  it('fails on an unknown slot and a missing answer, naming every place', async () => {
    const answers = readFileSync(path.join(FIXTURES, 'answers', 'missing-7.yaml'), 'utf8');
    const dir = project({ 'content/plan/x.mdx': '---\ntitle: x\nchapter: 1\n---\n\n目標は#7#2時間以内#7#とする。\n\n未知: #42#何か#42#。\n' }, answers);
    const { code, stderr, stdout } = await bcp(['check', 'content'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      // Both places: where the slot is, and where the answer goes (after `6:`, the slot before it).
      `content/plan/x.mdx:6:4  エラー  枠 \`#7#\`（概況把握の目標時間）に回答がありません。answers/answers.yaml:${lineOf(answers, '  6:')}:3（\`slots.6\` の次）に \`slots.7\` を書き足してください。質問: 異常の検知から、被害のおおよその状況をつかむまでの目標時間は（例: 2時間以内）。  missing-answer`,
      'content/plan/x.mdx:8:5  エラー  枠 `#42#` はひな形 1.0 にありません（使える枠: #1#〜#18#）。番号を確かめてください。  unknown-slot',
      'エラー 2 件、警告 0 件',
    ]);
  });

  it('prints GitHub annotations under Actions so a pull request shows the line', async () => {
    const dir = project({ 'content/a.md': '閉じない #3#担当 のまま。\n' });
    const { code, stdout } = await bcp(['check', 'content'], dir, { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    expect(stdout.trim()).toBe(
      '::error file=content/a.md,line=1,col=6,title=unclosed-slot::枠 `#3#` に対になる閉じ記号がありません。`#3#例示値#3#` の形で、同じ段落・見出し・表のセルの中で閉じてください。',
    );
  });

  it('warns about answers no content uses, at the answer line, only when scanning all content', async () => {
    const dir = project({ 'content/a.md': '報告先は#1#担当#1#。\n' });
    const all = await bcp(['check'], dir);
    expect(all.code).toBe(0);
    const answersLine =
      readFileSync(path.join(dir, 'answers/answers.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('  15:')) + 1;
    expect(all.stderr).toContain(
      `answers/answers.yaml:${answersLine}:3  警告  \`slots.15\` に回答がありますが、枠 \`#15#\` は本文のどこにも出てきません。不要なら消してください。  unused-answer`,
    );
    const one = await bcp(['check', 'content/a.md'], dir);
    expect(one.stderr.trim()).toBe('問題は見つかりませんでした。');
  });

  it('reports a missing answers file in Japanese with a non-zero exit', async () => {
    const { code, stderr } = await bcp(['check', '--answers', 'nai.yaml']);
    expect(code).toBe(1);
    expect(stderr).toContain('nai.yaml:1:1  エラー  回答ファイル nai.yaml が見つかりません。');
  });

  it('says in Japanese, with exit 2, that a PATH to check does not exist', async () => {
    const { code, stderr } = await bcp(['check', 'content/nai.mdx']);
    expect(code).toBe(2);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'content/nai.mdx:1:1  エラー  確かめる対象 content/nai.mdx が見つかりません。ファイルかフォルダのパスを確かめてください（省略すると content/ をすべて確かめます）。  check-path-not-found',
      'エラー 1 件、警告 0 件',
    ]);
  });

  it('finds markers in JSX attributes, expressions and frontmatter of MDX, at their source place', async () => {
    const mdx = [
      '---',
      'title: "#3#担当#3# の章"',
      'chapter: 1',
      '---',
      '',
      '<Note title="#7#2時間以内#7#" hint={"#9#"}>本文の #1#担当#1# は置き換わる。</Note>',
      '',
      '式の中: {"#14#総務#14#"}',
      '',
      'エスケープはただの文字: \\#3#担当\\#3# と &#35;7#x&#35;7#。C#7 と issue #12 も文字。',
      '',
    ].join('\n');
    const dir = project({ 'content/plan/x.mdx': mdx });
    const { code, stderr } = await bcp(['check', 'content'], dir);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      `content/plan/x.mdx:2:9  エラー  ${ATTRIBUTE('フロントマター', '#3#')}  slot-in-attribute`,
      `content/plan/x.mdx:6:14  エラー  ${ATTRIBUTE('要素 <Note> の `title` 属性', '#7#')}  slot-in-attribute`,
      `content/plan/x.mdx:6:34  エラー  ${ATTRIBUTE('要素 <Note> の `hint` 属性', '#9#')}  slot-in-attribute`,
      `content/plan/x.mdx:8:8  エラー  ${ATTRIBUTE('MDX の式（{ }）', '#14#')}  slot-in-attribute`,
      'エラー 4 件、警告 0 件',
    ]);
  });

  // issue 21: check runs the build's steps up to the HTML its guard reads.
  it('rejects what the build guard would reject, at the content line, and keeps escaped markers as text', async () => {
    const md = [
      'エスケープした記号は文字のまま: \\#3#担当\\#3# と &#35;7#x&#35;7#。',
      '',
      'エスケープしてもリンク先には残る: [a](https://example.com/\\#3#)',
      '',
      '自動リンク: https://example.com/#3#x#3#',
      '',
    ].join('\n');
    const dir = project({ 'content/a.md': md });
    const { code, stderr } = await bcp(['check', 'content'], dir);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'content/a.md:3:19  エラー  生成した HTML の href 属性に枠記号 `#3#` が残っています。本文の枠が解決されていないか、ページのテンプレートが枠記号を出力しています。意図して見せる場合は <code> か data-slot 属性を持つ要素の中に置いてください。  marker-in-output',
      `content/a.md:5:28  エラー  ${ATTRIBUTE('自動リンクの URL（リンク先）', '#3#')}  slot-in-attribute`,
      'エラー 2 件、警告 0 件',
    ]);
  });

  it('reports an MDX syntax error in Japanese first, the parser after, and no unused answers for the slots of that file', async () => {
    const dir = project({ 'content/plan/x.mdx': '報告先は#1#担当#1#、期限は#7#2時間以内#7#。\n\n閉じない {式\n' });
    const { code, stderr } = await bcp(['check'], dir);
    expect(code).toBe(1);
    const lines = stderr.split('\n');
    const at = lines.findIndex((line) => line.startsWith('content/plan/x.mdx:3:'));
    expect(lines[at]).toMatch(/^content\/plan\/x\.mdx:3:\d+  エラー  本文を MDX として読めません。.+  content-syntax$/);
    expect(lines[at + 1]).toMatch(/^ {4}MDX の解析器の説明: .*[A-Za-z]/);
    expect(stderr).not.toContain('枠 `#1#` は本文のどこにも出てきません');
    expect(stderr).not.toContain('枠 `#7#` は本文のどこにも出てきません');
    // The answers no file spells are still reported.
    expect(stderr).toContain('枠 `#15#` は本文のどこにも出てきません');
  });

  it('resolves a slot in the text of a one-line JSX element, as the MDX compiler reads it', async () => {
    const dir = project({ 'content/plan/x.mdx': '<div>#3#担当#3#</div>\n\n文 <b>#1#担当#1#</b> です。\n' });
    const { code, stdout } = await bcp(['check', 'content', '--json'], dir);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { tokens: Array<{ id: number; line: number; resolved: boolean }>; problems: unknown[] };
    expect(report.tokens.map(({ id, line, resolved }) => ({ id, line, resolved }))).toEqual([
      { id: 3, line: 1, resolved: true },
      { id: 1, line: 3, resolved: true },
    ]);
    expect(report.problems).toEqual([]);
  });
});

describe('staff details in the plan text (issue 21)', () => {
  it('fails at the line, naming each detail and its contact, in any notation', async () => {
    const dir = project({
      'content/plan/x.mdx': '---\ntitle: x\nchapter: 1\n---\n\n夜間は 〇九〇・〇〇〇〇・一二〇〇 に電話し、森（総務課）にも伝える。\n\n窓口は 06-0000-9110。\n',
    });
    const { code, stderr } = await bcp(['check', 'content'], dir);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'content/plan/x.mdx:6:1  エラー  本文に 氏名「森 由紀」（contacts[id=general-affairs「総務課」].person）、連絡先の「090-0000-1200」（contacts[id=general-affairs「総務課」].mobile） が書かれています。本文はそのまま公開版にも載るので、公開版の build はここで止まります。本文には役職や部署の名前（または枠）を書き、氏名・電話番号・メールアドレスは contacts の person・phone・mobile・email にだけ書いてください。  personal-data-in-content',
      'エラー 1 件、警告 0 件',
    ]);
  });

  it('reads the data files under content/ too (checklists, glossary, tables)', async () => {
    const dir = project({
      'content/plan/x.mdx': '---\ntitle: x\nchapter: 1\n---\n\n本文\n',
      'content/data/extra.yaml': 'items:\n  - 夜間は it(at)kamome-seiko.example へ\n',
    });
    const { code, stderr } = await bcp(['check'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'content/data/extra.yaml:2:1  エラー  本文に 連絡先の「it@kamome-seiko.example」（contacts[id=security-officer「情報システム担当（総務課）」].email） が書かれています。',
    );
  });
});
