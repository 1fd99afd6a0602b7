/**
 * `bcp init`: a new company's answers file that carries no trace of the example company,
 * whose empty answers the check points at one by one, and that builds into a plan once
 * they are filled in.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { parseAnswers } from '../../src/answers/load.ts';
import { THREAT_ENTRY_NUMBERS } from '../../src/answers/schema.ts';
import { runCheck } from '../../src/check/check.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { runInit } from '../../src/cli/commands/init.ts';
import { slotsOf } from '../../src/slots/template.ts';
import { FIXTURES, ROOT, bcp as run } from '../helpers.ts';
import { buildTempSite, removeTempSite } from '../site-helpers.ts';

const TODAY = '2026-12-01';
const example = parseAnswers(readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8'), 'example.yaml').answers!;

/** Every distinctive value of the example company: none may reach a new company's file or site. */
const exampleValues = [
  example.company.name,
  example.company.shortName!,
  example.company.address!,
  ...example.contacts.flatMap((c) => [c.organisation, c.person, c.phone, c.mobile, c.email, c.note]),
  ...example.revisions.map((r) => r.summary),
  ...Object.values(example.threats ?? {}).map((t) => t?.issue),
].filter((v): v is string => typeof v === 'string');

let dir: string;
let file: string;
let text: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bcp-init-'));
  file = path.join(dir, 'answers.yaml');
  // cwd is the project, so the file names the threat entries from content/threats.
  expect(runInit({ answersFile: file, cwd: ROOT, today: TODAY })).toBe(0);
  text = readFileSync(file, 'utf8');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Fills every empty answer the way a company would, with made-up values unlike the example's. */
function fillIn(source: string): string {
  const doc = parseDocument(source);
  const mobiles = ['090-1111-0001', '090-1111-0002', '090-1111-0003', '090-1111-0004', '090-1111-0005'];
  const persons = ['青木 一郎', '石田 二郎', '上野 三郎', '遠藤 四郎'];
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || !(isScalar(pair.value) || isSeq(pair.value))) return;
      const key = String(pair.key.value);
      const empty = isScalar(pair.value) ? pair.value.value === '' : pair.value.items.length === 0;
      if (!empty) return;
      const inContacts = ancestors.some((a) => isMap(a) && a.has('role'));
      const value =
        key === 'name'
          ? '有限会社テスト製作所'
          : key === 'person'
            ? persons.shift()
            : key === 'mobile'
              ? mobiles.shift()
              : key === 'phone'
                ? inContacts
                  ? '03-5555-0100'
                  : undefined
                : key === 'organisation'
                  ? 'テストサポート株式会社'
                  : key === 'approvedBy'
                    ? '経営層'
                    : key === 'deputy'
                      ? 'management'
                      : key === '6'
                        ? ['生産管理サーバ', 'UTM']
                        : key === '8'
                          ? ['情報セキュリティ担当者', '製造部門担当役員', '経営層', '取引先']
                          : undefined;
      expect(value, `a fill-in value for ${key}`).toBeDefined();
      pair.value = doc.createNode(value);
    },
  });
  return doc.toString();
}

describe('bcp init', () => {
  it('writes the questions as comments, the samples, a fresh history and unassessed threats', () => {
    for (const slot of slotsOf()) expect(text, `question of #${slot.id}#`).toContain(`# #${slot.id}# ${slot.label}`);
    for (const slot of slotsOf()) expect(text, `question of #${slot.id}#`).toContain(slot.question);
    const doc = parseDocument(text).toJS() as {
      templateVersion: string;
      slots: Record<string, unknown>;
      revisions: unknown;
      upkeep?: unknown;
      threats: Record<string, unknown>;
    };
    expect(doc.templateVersion).toBe('1.0');
    expect(doc.slots[7]).toBe('2時間以内');
    expect(doc.slots[6]).toEqual([]);
    expect(doc.revisions).toEqual([{ version: '1.0', date: TODAY, summary: '初版を制定', approvedBy: '' }]);
    expect(doc.upkeep).toBeUndefined();
    expect(text).not.toContain('asOf');
    expect(Object.keys(doc.threats).map(Number)).toEqual([...THREAT_ENTRY_NUMBERS]);
    expect(Object.values(doc.threats)).toEqual(THREAT_ENTRY_NUMBERS.map(() => ({ result: '未評価' })));
    expect(text).toContain('  # USBメモリー\n  1:\n');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+\/answers\/answers\.schema\.json$/m);
  });

  // issue 21: first use.
  it('writes a BIA section with its questions and one filled-in row, a landline for the slot 2 desk, and how to confirm a sample', () => {
    const doc = parseDocument(text).toJS() as {
      bia: { axes: unknown[]; processes: Array<{ name: string; impact: Record<string, string> }>; systems: Array<{ name: string; rto: string }> };
      contacts: Array<{ id: string; phone?: string; mobile?: string }>;
    };
    expect(doc.bia.axes).toHaveLength(1);
    expect(doc.bia.processes).toHaveLength(1);
    expect(doc.bia.processes[0]!.name).not.toBe('');
    expect(doc.bia.systems[0]!.rto).toMatch(/以内$/);
    for (const question of ['業務が止まると、何に困りますか', '事業を続けるのに欠かせない業務は何ですか', 'いつまでに戻しますか'])
      expect(text).toContain(question);
    const desk = doc.contacts.find((c) => c.id === 'second-desk')!;
    expect(desk.phone).toBe('');
    expect(desk.mobile).toBeUndefined();
    expect(text).toContain('# confirmed: [15, 16]');
  });

  it('carries no data of the example company', () => {
    expect(exampleValues.length).toBeGreaterThan(15);
    for (const value of exampleValues) expect(text, value).not.toContain(value);
    expect(text).not.toMatch(/かもめ|kamome/);
  });

  it('gives one located error per answer the company must decide, and nothing else', async () => {
    const result = await runCheck({ answersFile: file, cwd: ROOT, today: '2026-12-03' });
    const lines = text.split('\n');
    const blanks = lines.flatMap((line, index) => (/^[^#]*(""|\[\])\s*$/.test(line) ? [index + 1] : []));
    expect(blanks).toHaveLength(19);
    expect(result.problems.map((p) => [p.line, p.severity, p.ruleId])).toEqual(blanks.map((line) => [line, 'error', 'answers-invalid']));
    const relative = path.relative(ROOT, file);
    expect(formatProblem(result.problems[0]!)).toBe(
      `${relative}:${lines.indexOf('  name: ""') + 1}:9  エラー  \`company.name\`: 空です。値を書いてください。  answers-invalid`,
    );
  });

  it('once filled in, passes with warnings only where the template sample or 未評価 is left', async () => {
    writeFileSync(file, fillIn(text));
    const filled = readFileSync(file, 'utf8');
    const result = await runCheck({ answersFile: file, cwd: ROOT, today: '2026-12-03' });
    expect(result.errorCount, result.problems.map(formatProblem).join('\n')).toBe(0);
    const sampleSlots = [1, 2, 3, 4, 5, 7, 9, 10, 13, 14, 15, 16, 17, 18];
    const lines = filled.split('\n');
    // A problem sits on the answer's value: the line after the key for a nested one.
    const valueLine = (key: string) => {
      const index = lines.findIndex((l) => l.startsWith(key));
      return index + (lines[index]!.trimEnd().endsWith(':') ? 2 : 1);
    };
    expect(result.problems.map((p) => [p.ruleId, p.line])).toEqual([
      ...sampleSlots.map((id) => ['answer-unchanged-sample', valueLine(`  ${id}:`)]),
      // The threats map starts at its first entry.
      ['threat-not-assessed', lines.indexOf('  1:', lines.indexOf('threats:')) + 1],
      // The BIA example rows init wrote (issue 21), and what the check says of the example system's backup.
      ['answer-unchanged-sample', lines.indexOf('    - name: 注文の受付') + 1],
      ['answer-unchanged-sample', lines.indexOf('    - name: 受注用のパソコン') + 1],
      ['bia-backup-not-ready', lines.indexOf('      backup:', lines.indexOf('    - name: 受注用のパソコン')) + 2],
      ['bia-backup-321', lines.indexOf('      backup:', lines.indexOf('    - name: 受注用のパソコン')) + 2],
    ]);
    const relative = path.relative(ROOT, file);
    const line7 = filled.split('\n').indexOf('  7: 2時間以内') + 1;
    expect(result.problems.map(formatProblem)).toContain(
      `${relative}:${line7}:6  警告  \`slots.7\`: 「2時間以内」はひな形の見本のままです。自社で決めた値に書き換えてください。見本どおりが自社で選んだ値なら、回答ファイルの confirmed に 7 を足すとこの警告は消えます（例: \`confirmed: [7]\`）。  answer-unchanged-sample`,
    );
  });

  it('builds a plan with no trace of the example company', { timeout: 180_000 }, async () => {
    const site = await buildTempSite('init', file, { pdf: false });
    try {
      const files = (function walk(d: string): string[] {
        return readdirSync(d).flatMap((name) => {
          const full = path.join(d, name);
          return statSync(full).isDirectory() ? walk(full) : [full];
        });
      })(site).filter((f) => /\.(html|js|json)$/.test(f));
      const all = files.map((f) => readFileSync(f, 'utf8')).join('\n');
      expect(all).toContain('有限会社テスト製作所');
      // 未評価 reads as not assessed yet, on the entry's page and in the plan's first response.
      expect(readFileSync(path.join(site, 'threats', '01.html'), 'utf8')).toMatch(/<strong[^>]*>未評価<\/strong> まだアセスメントをしていない/);
      expect(all).toContain('まだリスクアセスメントをしていない入口（');
      for (const value of exampleValues) expect(all, value).not.toContain(value);
    } finally {
      removeTempSite(site);
    }
  });
});

describe('bcp init from the command line', () => {
  const bcp = (args: string[], cwd: string) => run(args, { cwd });

  it('never overwrites without --force', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'bcp-init-cli-'));
    try {
      expect(await bcp(['init'], cwd)).toEqual({
        code: 0,
        stdout: 'answers/answers.yaml を作りました。続けて `npm run check` を実行し、示された欄を埋めてください。\n',
        stderr: '',
      });
      writeFileSync(path.join(cwd, 'answers/answers.yaml'), '# 自社の回答\n');
      expect(await bcp(['init'], cwd)).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'answers/answers.yaml:1:1  エラー  answers/answers.yaml はすでにあるので、上書きしませんでした。別の名前で作るなら --answers で指定し、いまの回答を捨てて作り直すなら --force を付けてください。  init-file-exists\n',
      });
      expect(readFileSync(path.join(cwd, 'answers/answers.yaml'), 'utf8')).toBe('# 自社の回答\n');
      expect((await bcp(['init', '--force'], cwd)).code).toBe(0);
      expect(readFileSync(path.join(cwd, 'answers/answers.yaml'), 'utf8')).toContain('templateVersion: "1.0"');
      expect(readdirSync(path.join(cwd, 'answers'))).toEqual(['answers.yaml']);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
