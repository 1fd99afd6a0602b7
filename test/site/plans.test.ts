/**
 * Many plans from one repository (examples/two-plants, plus a third plant made here):
 * `bcp check`, `bcp build` and `bcp upkeep` over every plan, the internal overview, and
 * privacy between plans: a value planted in one plan reaches none of the other plans'
 * output files (HTML, JS, JSON, the search index, the PDFs' text).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedTexts } from '../../src/build/personal-scan.ts';
import { ROOT, bcp, type CliResult } from '../helpers.ts';

const EXAMPLE = path.join(ROOT, 'examples', 'two-plants', 'plans');
const PLANS = ['himeji', 'kakogawa', 'tatsuno'] as const;
/** Values only one plan holds: a person's name (contacts, plan, PDF) and a threat issue's words (threat pages, search). */
const secret = (id: string) => `秘匿${id.toUpperCase()}QX`;
const issue = (id: string) => `制御盤の型番 ZK-${id.toUpperCase()}-77`;
const planted = (id: string) => [secret(id), issue(id)];

let tmp: string;
let plansDir: string;
let out: string;
let build: CliResult;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

const texts = new Map<string, string>();

/** The text a reader (or a search engine) gets from one output file. */
function textOf(file: string): string {
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = readText(file)));
  return text;
}

function readText(file: string): string {
  if (file.endsWith('.pdf')) return execFileSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const bytes = readFileSync(file);
  // Compressed indexes (gzip) are read unpacked.
  const plain = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  // The file-share search index is gzip in base64 inside a script: read what it holds too.
  return [plain, ...packedTexts(plain)].join('\n');
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'bcp-plans-'));
  plansDir = path.join(tmp, 'plans');
  out = path.join(tmp, 'dist');
  cpSync(EXAMPLE, plansDir, { recursive: true });
  // A third plant, from the second one's answers.
  cpSync(path.join(plansDir, 'kakogawa'), path.join(plansDir, 'tatsuno'), { recursive: true });
  const tatsuno = path.join(plansDir, 'tatsuno', 'answers.yaml');
  writeFileSync(tatsuno, readFileSync(tatsuno, 'utf8').replaceAll('加古川', '龍野').replace('加古川市', 'たつの市'));
  for (const id of PLANS) {
    const file = path.join(plansDir, id, 'answers.yaml');
    const text = readFileSync(file, 'utf8');
    // The security officer's name (contacts, plan, PDF) and the issue of threat entry 2.
    const changed = text
      .replace(/(  - id: security-officer\n    role: [^\n]+\n(?:    (?:deputy|aliases): [^\n]+\n)*    person: )[^\n]+/, `$1${secret(id)}`)
      .replace(/(\n  2:\n    result: [^\n]+\n    issue: )[^\n]+/, `$1${issue(id)}を確かめる`);
    for (const value of planted(id)) expect(changed.split(value).length - 1, `${id}: ${value}`).toBe(1);
    writeFileSync(file, changed);
  }
  build = await bcp(['build', '--plans', plansDir, '--out', out]);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('bcp over the plans of examples/two-plants and a third plant', () => {
  it('checks every plan by default, or the one named with --plan', async () => {
    const all = await bcp(['check', '--plans', plansDir]);
    expect(all.code, all.stderr).toBe(0);
    for (const id of PLANS) expect(all.stderr).toContain(`== 計画 ${id}（`);
    const one = await bcp(['check', '--plans', plansDir, '--plan', 'himeji']);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('== 計画 himeji（');
    expect(one.stderr).not.toContain('kakogawa');
    const unknown = await bcp(['check', '--plans', plansDir, '--plan', 'osaka']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('plan-not-found');
  });

  it('locates a wrong shared value in the base, for every plan that uses it', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'bcp-plans-broken-'));
    try {
      cpSync(EXAMPLE, broken, { recursive: true });
      const base = path.join(broken, 'base.yaml');
      const text = readFileSync(base, 'utf8').replace(/^templateVersion: "1.0"$/m, 'templateVersion: "1.0"\nplanned: yes');
      writeFileSync(base, text);
      const result = await bcp(['check', '--plans', broken]);
      expect(result.code).toBe(1);
      const line = text.split('\n').indexOf('planned: yes') + 1;
      // Printed once, with the first plan; both plans fail.
      expect(result.stderr.split(`base.yaml:${line}:1`).length - 1).toBe(1);
      expect(result.stderr).toContain('合計: エラー 1 件');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('builds each plan into its own folder with its PDF, sharing one browser', () => {
    expect(build.code, build.stderr).toBe(0);
    for (const id of PLANS) {
      for (const file of ['index.html', 'plan.html', 'contacts.html', 'plan.pdf', '.bcp-output'])
        expect(existsSync(path.join(out, id, file)), `${id}/${file}`).toBe(true);
    }
  });

  it('writes the internal overview: one sortable row per plan linking to it, and the CSV with a BOM', () => {
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const id of PLANS) expect(html).toContain(`<a href="${id}/index.html">${id}</a>`);
    expect(html).toContain('株式会社しらさぎ工業 龍野工場');
    expect(html).toContain("addEventListener('click'");
    const csv = readFileSync(path.join(out, 'overview.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF計画,')).toBe(true);
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(1 + PLANS.length);
    // kakogawa: drill due soon, entry 11 unassessed, three BAD entries (its answers say so).
    expect(rows.find((r) => r.startsWith('kakogawa,'))).toMatch(/,訓練,0,2,1,3,/);
    expect(rows.find((r) => r.startsWith('himeji,'))).toContain(',2026-06-19');
  });

  it('keeps every plan’s values out of every other plan’s output', () => {
    for (const id of PLANS) {
      const own = filesUnder(path.join(out, id)).map((file) => ({ file: path.relative(out, file), text: textOf(file) }));
      // The planted values are really in the plan's own site, PDF and search index: the check below can fail.
      expect(own.filter((f) => f.text.includes(secret(id))).map((f) => f.file)).toEqual(
        expect.arrayContaining([path.join(id, 'contacts.html'), path.join(id, 'plan.pdf')]),
      );
      // The search index, whatever its engine names its files.
      expect(
        own.some((f) => /search|pagefind/.test(f.file) && f.text.includes(issue(id))),
        `${id}: search index`,
      ).toBe(true);
      for (const other of PLANS.filter((p) => p !== id)) {
        const leaks = filesUnder(path.join(out, other)).filter((file) => planted(id).some((value) => textOf(file).includes(value)));
        expect(
          leaks.map((file) => path.relative(out, file)),
          `${id} in ${other}`,
        ).toEqual([]);
      }
    }
  });

  it('writes no overview in a public build, and refuses a folder it did not make', async () => {
    const publicOut = path.join(tmp, 'public');
    const result = await bcp(['build', '--plans', plansDir, '--plan', 'himeji', '--public', '--no-pdf', '--out', publicOut]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(publicOut).sort()).toEqual(['.bcp-plans', 'himeji']);
    const foreign = path.join(tmp, 'foreign');
    cpSync(path.join(out, 'himeji'), path.join(foreign, 'mine'), { recursive: true });
    writeFileSync(path.join(foreign, 'notes.txt'), 'not a build');
    const refused = await bcp(['build', '--plans', plansDir, '--no-pdf', '--out', foreign]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('output-not-ours');
    expect(readdirSync(foreign).sort()).toEqual(['mine', 'notes.txt']);
  });

  it('reports every plan’s upkeep', async () => {
    const result = await bcp(['upkeep', '--plans', plansDir]);
    expect(result.code, result.stderr).toBe(0);
    for (const id of PLANS) expect(result.stderr).toContain(`== 計画 ${id}（`);
    expect(result.stdout).toContain('（もうすぐ）訓練');
  });
});
