/**
 * Bad answers files, one case each: `bcp check` and `bcp build` both stop with a
 * non-zero exit, every message is Japanese and names the file, line, column and field,
 * and the build leaves no output folder (or scratch folder) behind.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import { buildSite } from '../../src/build/build.ts';
import { runCheck } from '../../src/check/check.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { FIXTURES, ROOT, bcp } from '../helpers.ts';
import { swap, at } from '../text-edits.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const TODAY = '2026-11-01';
const dir = mkdtempSync(path.join(tmpdir(), 'bcp-bad-input-'));
const noContent = mkdtempSync(path.join(tmpdir(), 'bcp-no-content-'));
afterAll(() => {
  for (const folder of [dir, noContent]) rmSync(folder, { recursive: true, force: true });
});

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  expect(line, `"${needle}" in the text`).toBeGreaterThan(0);
  return line;
}

interface Case {
  /** File name in the temp folder; also the name reported. */
  name: string;
  bytes?: Buffer | string;
  /** Every problem line `bcp check` prints, in order, then the summary. */
  expected: (file: string) => string[];
}

const bom = `\uFEFFtemplateVersion: 1.0\n${swap(example, 'templateVersion: "1.0"\n', '')}`;
const crlf = swap(example, '  9: 1時間以内', '  9: 1時間').replace(/\n/g, '\r\n');
const tabIndent = swap(example, '  lastDrill: 2026-06-19', '\tlastDrill: 2026-06-19');
const tabValue = swap(example, '  14: 総務課', '  14: "総務\\t課"');
const unclosed = swap(example, '  10: 工場長（製造担当取締役）', '  10: "工場長（製造担当取締役）');
const misindented = swap(example, '  9: 1時間以内', ' 9: 1時間以内');
const longValue = swap(example, '  4: UTM の警報メールと製造ラインの異常ランプが同時に出て、', `  4: ${'長'.repeat(100_000)}`);
const wrongTypes = swap(
  swap(
    swap(example, '  8:\n    - 情報システム担当（総務課）\n    - 工場長\n    - 代表取締役\n    - 主要取引先\n', '  8: 情報システム担当（総務課）\n'),
    '  employees: 48',
    '  employees: たくさん',
  ),
  '    result: 4\n',
  '    result: 5\n',
);
const unknownKeys = swap(swap(example, '    mobile: 090-0000-1100', '    mobil: 090-0000-1100'), 'plan:\n', 'plan:\n  author: 中村\n');
const control = swap(
  swap(swap(example, '  14: 総務課', '  14: 総務\u0007課'), '  shortName: かもめ精工', '  shortName: かもめ\u0000精工'),
  '  2: 総務課の代表窓口',
  '  2: 総務課の\u202e口窓表代',
);
const escaped = swap(example, '  3: 情報システム担当（総務課）', '  3: "情報システム担当\\e[31m（総務課）"');
const markup = swap(
  swap(
    swap(example, '  5: UTM の通信量グラフと工場スイッチのランプの点滅により', '  5: "<script>alert(1)</script> {1+1} により"'),
    '    - ファイルサーバ\n',
    '    - "**ファイルサーバ**"\n',
  ),
  '    - 生産管理サーバ\n',
  '    - "生産管理サーバ #3#x#3#"\n',
);
const aliasBomb = `${example}\nbomb_a: &a ["x","x","x","x","x","x","x","x","x"]\nbomb_b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nbomb_c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`;
const dangling = swap(example, '  14: 総務課', '  14: *nai');
const twoDocs = `${example}---\ncompany:\n  name: 別の会社\n`;
const duplicate = swap(example, '  14: 総務課', '  14: 総務課\n  14: 広報課');
const numberVersion = swap(example, '  - version: "1.1"', '  - version: 1.1');
const numberPhone = swap(example, '    phone: 06-0000-1201', '    phone: 0600001201');
const commentNote = swap(example, '    note: 保守契約あり。初動の助言は無償、現地対応は契約の単価による。', '    note: #内線なし');
const slashDate = swap(example, '  lastEducation: 2026-09-10', '  lastEducation: 2026/09/10');
const fullWidth = swap(example, '  7: 2時間以内', '  7: ２時間以内');
const contactIds = swap(swap(example, '  - id: factory-manager', '  - id: Factory_Manager'), '  - id: president', '  - id: security-officer');

const yamlSyntax = (file: string, text: string, needle: string, path: string, detail: string, column?: number) => {
  const position = column === undefined ? at(text, needle) : `${lineOf(text, needle)}:${column}`;
  return `${file}:${position}  エラー  \`${path}\` のあたりが YAML として読めません。${detail}  answers-yaml-syntax`;
};
const invalid = (file: string, text: string, needle: string, path: string, detail: string) =>
  `${file}:${at(text, needle)}  エラー  \`${path}\`: ${detail}  answers-invalid`;
const CONTROL_MESSAGE = '改行・タブなどの制御文字は使えません。1行の文字で書いてください。';
const ENCODING = (detail: string) =>
  `回答ファイルを UTF-8 として読めません（${detail}）。メモ帳などで「UTF-8」を選んで保存し直してください（Shift_JIS や UTF-16 は使えません）。`;

const CASES: Case[] = [
  {
    name: 'broken-unclosed-quote.yaml',
    bytes: unclosed,
    // The parser notices the missing quote just past the end of the line.
    expected: (f) => [
      yamlSyntax(
        f,
        unclosed,
        '  10: "工場長',
        'slots.10',
        '閉じ記号（引用符や括弧）が足りません。（MISSING_CHAR）',
        '  10: "工場長（製造担当取締役）'.length + 1,
      ),
    ],
  },
  {
    name: 'broken-indent.yaml',
    bytes: misindented,
    expected: (f) => [
      yamlSyntax(
        f,
        misindented,
        ' 9: 1時間以内',
        'slots.9',
        '字下げがずれています。同じ階層の項目は同じ数の半角スペースでそろえてください。この後にも読めない所が 7 か所ありますが、ここを直すと消えることがあります。（BAD_INDENT）',
        // After the question's comment line, the parser points at the key itself.
        2,
      ),
    ],
  },
  {
    name: 'broken-duplicate-key.yaml',
    bytes: duplicate,
    expected: (f) => [
      yamlSyntax(
        f,
        duplicate,
        '14: 広報課',
        'slots.14',
        `項目名「14」が ${lineOf(duplicate, '14: 総務課')} 行目と ${lineOf(duplicate, '14: 広報課')} 行目の2回書かれています。どちらかを消して1つにまとめてください。（DUPLICATE_KEY）`,
      ),
    ],
  },
  {
    name: 'number-version.yaml',
    bytes: numberVersion,
    expected: (f) => [
      invalid(
        f,
        numberVersion,
        '1.1\n    date: 2026-10-01',
        'revisions[1].version',
        '「1.1」は数値として読まれます。文字として扱うよう "1.1" のように引用符で囲んでください。',
      ),
    ],
  },
  {
    name: 'number-phone.yaml',
    bytes: numberPhone,
    expected: (f) => [
      invalid(
        f,
        numberPhone,
        '0600001201',
        'contacts[id=security-officer「情報システム担当（総務課）」].phone',
        'ハイフンのない電話番号「0600001201」は数値として読まれ、先頭の 0 が消えます。「06-1234-5678」のように市外局番・局番・番号の間にハイフンを入れてください。',
      ),
    ],
  },
  {
    name: 'comment-as-value.yaml',
    bytes: commentNote,
    expected: (f) => [
      invalid(
        f,
        commentNote,
        '#内線なし',
        'contacts[id=outside-responder「外部専門家」].note',
        '「#」から後ろはコメントとして読まれるため、値が空になっています。「#」で始まる値は "#内線なし" のように引用符で囲んでください。',
      ),
    ],
  },
  {
    name: 'slash-date.yaml',
    bytes: slashDate,
    // One message, not a second 「ありえない日付です。」 for the same field.
    expected: (f) => [
      invalid(f, slashDate, '2026/09/10', 'upkeep.lastEducation', '日付は「/」ではなく「-」でつないで「2026-09-10」のように 年-月-日 で書いてください。'),
    ],
  },
  {
    name: 'full-width-digits.yaml',
    bytes: fullWidth,
    expected: (f) => [invalid(f, fullWidth, '２時間以内', 'slots.7', '全角の数字や英字が入っています。「2時間以内」のように半角で書いてください。')],
  },
  {
    name: 'contact-ids.yaml',
    bytes: contactIds,
    // The schema's own messages: both start with "id" and must not be replaced.
    expected: (f) => [
      invalid(
        f,
        contactIds,
        'Factory_Manager',
        'contacts[id=Factory_Manager「工場長（製造担当取締役）」].id',
        'id は半角英小文字・数字・ハイフンで書いてください（例: security-officer）。',
      ),
      invalid(
        f,
        contactIds,
        'security-officer\n    role: 代表取締役',
        'contacts[id=security-officer「代表取締役」].id',
        'id「security-officer」が重複しています。連絡先ごとに別の id にしてください。',
      ),
    ],
  },
  {
    name: 'broken-two-documents.yaml',
    bytes: twoDocs,
    expected: (f) => [
      yamlSyntax(f, twoDocs, '---', '（ファイル全体）', '「---」で区切られた文書が2つ以上あります。回答は1つの文書にまとめてください。（MULTIPLE_DOCS）'),
    ],
  },
  {
    name: 'broken-dangling-alias.yaml',
    bytes: dangling,
    expected: (f) => [yamlSyntax(f, dangling, '*nai', 'slots.14', '先に「&名前」で定義していないエイリアス（*名前）を使っています。（ALIAS_UNRESOLVED）')],
  },
  {
    name: 'alias-bomb.yaml',
    bytes: aliasBomb,
    expected: (f) => [
      yamlSyntax(f, aliasBomb, '*a', 'bomb_b', 'エイリアス（*名前）の参照が多すぎます。同じ値は繰り返し書いてください。（RESOURCE_EXHAUSTION）'),
    ],
  },
  {
    name: 'empty.yaml',
    bytes: '',
    expected: (f) => [`${f}:1:1  エラー  回答ファイルが空です。answers/answers.yaml を写して、自社の回答を書いてください。  answers-empty`],
  },
  {
    name: 'only-comments.yaml',
    bytes: '# まだ何も書いていない\n\n',
    expected: (f) => [`${f}:1:1  エラー  回答ファイルが空です。answers/answers.yaml を写して、自社の回答を書いてください。  answers-empty`],
  },
  {
    name: 'missing.yaml',
    expected: (f) => [
      `${f}:1:1  エラー  回答ファイル ${f} が見つかりません。パスを確かめるか、answers/answers.yaml を写して作ってください。  answers-not-found`,
    ],
  },
  {
    name: 'top-level-list.yaml',
    bytes: '- 株式会社かもめ精工\n- 社外秘\n',
    expected: (f) => [`${f}:1:1  エラー  \`（ファイル全体）\`: キーと値の組（入れ子の項目）で書いてください。  answers-invalid`],
  },
  {
    name: 'bom.yaml',
    bytes: bom,
    // The BOM is not a character of the first line: the column is the one an editor shows.
    expected: (f) => [
      `${f}:1:18  エラー  \`templateVersion\`: 「1.0」は数値の 1 として読まれます。文字として扱うよう "1.0" のように引用符で囲んでください。  answers-invalid`,
    ],
  },
  {
    name: 'crlf.yaml',
    bytes: crlf,
    expected: (f) => [
      `${f}:${at(crlf, '1時間\r')}  エラー  \`slots.9\`: 時間は「2時間以内」「30分以内」「3日以内」のように、数字・単位（分・時間・日）・「以内」で書いてください。  answers-invalid`,
    ],
  },
  {
    name: 'tab-indent.yaml',
    bytes: tabIndent,
    expected: (f) => [
      yamlSyntax(
        f,
        tabIndent,
        '\tlastDrill',
        'upkeep.lastDrill',
        '字下げにタブが使われています。半角スペースで字下げしてください。この後にも読めない所が 3 か所ありますが、ここを直すと消えることがあります。（TAB_AS_INDENT）',
      ),
    ],
  },
  {
    name: 'tab-in-value.yaml',
    bytes: tabValue,
    expected: (f) => [invalid(f, tabValue, '"総務\\t課"', 'slots.14', CONTROL_MESSAGE)],
  },
  {
    name: 'very-large-value.yaml',
    bytes: longValue,
    expected: (f) => [invalid(f, longValue, '長長長', 'slots.4', '長すぎます（80文字まで）。短くしてください。')],
  },
  {
    name: 'very-large-file.yaml',
    bytes: `${example}# ${'x'.repeat(1_100_000)}\n`,
    expected: (f) => [
      `${f}:1:1  エラー  回答ファイルが大きすぎます（1.1 MB、上限 1.0 MB）。別のファイルを指定していないか確かめ、回答だけを書いてください。  answers-too-large`,
    ],
  },
  {
    name: 'wrong-types.yaml',
    bytes: wrongTypes,
    expected: (f) => [
      invalid(f, wrongTypes, 'たくさん', 'company.employees', '数値で書いてください。'),
      invalid(f, wrongTypes, '情報システム担当（総務課）\n  # #9#', 'slots.8', '一覧（- で始まる行の並び）で書いてください。'),
      invalid(f, wrongTypes, '5\n    issue: 在庫管理', 'threats.6.result', '次のどれかにしてください: 1、2、3、4、BAD、未評価'),
    ],
  },
  {
    name: 'unknown-keys.yaml',
    bytes: unknownKeys,
    expected: (f) => [
      invalid(f, unknownKeys, 'author: 中村', 'plan.author', '知らない項目 `author` があります。綴りを確かめるか、消してください。'),
      invalid(
        f,
        unknownKeys,
        'mobil:',
        'contacts[id=factory-manager「工場長（製造担当取締役）」].mobil',
        '知らない項目 `mobil` があります。綴りを確かめるか、消してください。',
      ),
    ],
  },
  {
    name: 'control-characters.yaml',
    bytes: control,
    expected: (f) => [
      invalid(f, control, 'かもめ\u0000精工', 'company.shortName', CONTROL_MESSAGE),
      invalid(f, control, '総務課の\u202e', 'slots.2', CONTROL_MESSAGE),
      invalid(f, control, '総務\u0007課', 'slots.14', CONTROL_MESSAGE),
    ],
  },
  {
    name: 'escape-sequence.yaml',
    bytes: escaped,
    expected: (f) => [invalid(f, escaped, '"情報システム担当\\e', 'slots.3', CONTROL_MESSAGE)],
  },
  {
    name: 'shift-jis.yaml',
    bytes: Buffer.from([...Buffer.from('# yaml\ncompany:\n  name: '), 0x82, 0xa9, 0x82, 0xe0, 0x82, 0xdf, 0x0a]),
    expected: (f) => [`${f}:3:9  エラー  ${ENCODING('UTF-8 にない文字のバイトがあります。Shift_JIS で保存されていませんか')}  answers-encoding`],
  },
  {
    name: 'utf-16.yaml',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(example, 'utf16le')]),
    expected: (f) => [`${f}:1:1  エラー  ${ENCODING('UTF-16 で保存されています')}  answers-encoding`],
  },
];

/** Three English words in a row: a parser or library message that was not translated. */
const ENGLISH = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/;

/** Writes a case's file (a missing file stays missing) and returns its path and expected lines. */
function prepare(c: Case) {
  const file = path.join(dir, c.name);
  if (c.bytes !== undefined) writeFileSync(file, c.bytes);
  return { file, expected: c.expected(path.relative(ROOT, file)) };
}

describe('bad answers files', () => {
  // In-process, the same functions the CLI calls: one run costs milliseconds, not a Node start.
  for (const c of CASES) {
    it(`${c.name}: a located Japanese message from check and build, nothing written`, async () => {
      const { file, expected } = prepare(c);
      // No content to scan: the answers are what is tested here (the build below scans it all).
      const check = await runCheck({ answersFile: file, cwd: ROOT, today: TODAY, paths: [noContent] });
      expect(check.problems.map(formatProblem)).toEqual(expected);
      expect(check.errorCount).toBe(expected.length);
      for (const line of expected) {
        expect(line).not.toMatch(ENGLISH);
        expect(line).toMatch(/^\S+:\d+:\d+  エラー  /);
      }

      const out = path.join(mkdtempSync(path.join(dir, 'out-')), 'site');
      const log: string[] = [];
      expect(await buildSite({ answersFile: file, outDir: out, cwd: ROOT, today: TODAY, log: (l) => log.push(l) })).toBe(false);
      for (const line of expected) expect(log.join('\n')).toContain(line);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(path.dirname(out))).toEqual([]);
    });
  }

  it('make `bcp check` and `bcp build` exit 1 with the same messages', async () => {
    const picked = CASES.filter((c) => ['broken-indent.yaml', 'shift-jis.yaml'].includes(c.name));
    expect(picked).toHaveLength(2);
    await Promise.all(
      picked.map(async (c) => {
        const { file, expected } = prepare(c);
        const check = await bcp(['check', '--answers', file, '--today', TODAY, 'content/plan']);
        expect(check.code).toBe(1);
        expect(check.stderr.trim().split('\n')).toEqual([...expected, `エラー ${expected.length} 件、警告 0 件`]);
        const out = path.join(mkdtempSync(path.join(dir, 'cli-out-')), 'site');
        const build = await bcp(['build', '--answers', file, '--out', out, '--today', TODAY]);
        expect(build.code).toBe(1);
        for (const line of expected) expect(build.stderr).toContain(line);
        expect(build.stderr).toContain('サイトは更新しませんでした。');
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(path.dirname(out))).toEqual([]);
      }),
    );
  });
});

describe('answers saved by Windows editors', () => {
  it('read the same with a BOM and with CRLF line endings', async () => {
    const plain = parseAnswers(example, 'a.yaml');
    expect(plain.problems).toEqual([]);
    for (const [name, text] of [
      ['with-bom.yaml', `\uFEFF${example}`],
      ['with-crlf.yaml', example.replace(/\n/g, '\r\n')],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      expect(parseAnswers(text, name).answers).toEqual(plain.answers);
      const { code, stderr } = await bcp(['check', '--answers', file, '--today', TODAY, 'content/plan']);
      expect(code, stderr).toBe(0);
      expect(stderr.trim()).toBe('問題は見つかりませんでした。');
    }
  });
});

describe('answers that look like markup', () => {
  it('pass with a warning per field: they will be shown as written', async () => {
    const file = path.join(dir, 'markup.yaml');
    writeFileSync(file, markup);
    const reported = path.relative(ROOT, file);
    const warn = (needle: string, fieldPath: string, sample: string) =>
      `${reported}:${at(markup, needle)}  警告  \`${fieldPath}\`: 回答に「${sample}」という HTML・MDX・Markdown・枠の書き方があります。サイトと PDF では書式にも枠にもならず、書いたとおりの文字で出ます。そのつもりでなければ消してください。  answer-markup`;
    const { code, stderr } = await bcp(['check', '--answers', file, '--today', TODAY, 'content/plan']);
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      warn('"<script>', 'slots.5', '<script>'),
      warn('"**ファイルサーバ**"', 'slots.6[1]', '**ファイルサーバ**'),
      warn('"生産管理サーバ #3#', 'slots.6[2]', '#3#'),
      'エラー 0 件、警告 3 件',
    ]);
  });
});
