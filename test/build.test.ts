/** End-to-end `bcp build` of the example company, and a build that must fail and leave nothing. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../src/answers/load.ts';
import { slotValues } from '../src/answers/values.ts';
import { buildSite } from '../src/build/build.ts';
import { guardSite } from '../src/build/html-guard.ts';
import { FIXTURES, ROOT } from './helpers.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

describe('bcp build of the example company', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'bcp-build-')), 'site');
  const answersFile = path.join(FIXTURES, 'answers', 'example.yaml');
  const lines: string[] = [];

  beforeAll(async () => {
    const ok = await buildSite({ answersFile, outDir: out, cwd: ROOT, log: (l) => lines.push(l) });
    expect(ok, lines.join('\n')).toBe(true);
  });

  afterAll(() => {
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('resolves every slot to the company answer in the plan', () => {
    const plan = textOf(readFileSync(path.join(out, 'plan.html'), 'utf8'));
    const values = slotValues(loadAnswersFile(answersFile).answers!);
    expect(values.size).toBe(18);
    for (const [id, value] of values) expect(plan, `slot ${id}`).toContain(value);
    expect(plan).not.toMatch(/[#＃]\s*\d+\s*[#＃]/);
  });

  it('ends with one sentence saying where the site is, without doubled punctuation', () => {
    const warnings = lines.filter((line) => line.includes('  警告  ')).length;
    expect(lines.at(-1)).toBe(`${path.relative(ROOT, out)} にサイトを作りました${warnings > 0 ? `（警告 ${warnings} 件）` : ''}。`);
  });

  it('leaves no slot marker outside code, the template preview and answers', async () => {
    expect(await guardSite(out)).toEqual([]);
  });

  it('shows the template with all 22 slot places highlighted with their questions', () => {
    const html = readFileSync(path.join(out, 'template.html'), 'utf8');
    const marks = [...html.matchAll(/<mark class="slot" data-slot="(\d+)" data-question="([^"]+)" tabindex="0"/g)];
    expect(marks).toHaveLength(22);
    expect(marks.every((m) => m[2]!.startsWith(`#${m[1]}# `))).toBe(true);
  });

  it('lists the contacts with phone links and shows the version and date on the home page', () => {
    const contacts = readFileSync(path.join(out, 'contacts.html'), 'utf8');
    expect(contacts).toContain('<a href="tel:0600009110">06-0000-9110</a>');
    expect(contacts).toContain('株式会社みなとサイバーサポート');
    const home = textOf(readFileSync(path.join(out, 'index.html'), 'utf8'));
    expect(home).toContain('株式会社かもめ精工');
    expect(home).toContain('第1.1版（2026-10-01 改訂');
  });
});

describe('a build with a missing answer', () => {
  it('fails with every place, and leaves no site in the output folder', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'bcp-build-fail-')), 'site');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'stale site from an earlier build');
    const lines: string[] = [];
    const ok = await buildSite({ answersFile: path.join(FIXTURES, 'answers', 'missing-7.yaml'), outDir: out, cwd: ROOT, log: (l) => lines.push(l) });
    expect(ok).toBe(false);
    const flow = readFileSync(path.join(ROOT, 'content/plan/03-response-flow.mdx'), 'utf8').split('\n');
    const line = flow.findIndex((l) => l.includes('#7#')) + 1;
    const column = flow[line - 1]!.indexOf('#7#') + 1;
    // Where to add the answer: the line of the slot before it in the answers file.
    const answersLine = readFileSync(path.join(FIXTURES, 'answers', 'missing-7.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('  6:')) + 1;
    expect(lines.join("\n").split("\n")[0]).toBe(
      `content/plan/03-response-flow.mdx:${line}:${column}  エラー  枠 \`#7#\`（概況把握の目標時間）に回答がありません。test/fixtures/answers/missing-7.yaml:${answersLine}:3（\`slots.6\` の次）に \`slots.7\` を書き足してください。質問: 異常の検知から、被害のおおよその状況をつかむまでの目標時間は（例: 2時間以内）。  missing-answer`,
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.bcp-tmp-${process.pid}`)).toBe(false);
    rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
