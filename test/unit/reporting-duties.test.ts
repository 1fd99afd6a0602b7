/**
 * The 「いつ・どこへ・何を」 table's data (content/guidelines/reporting-duties.yaml): the legal
 * deadlines and which duty is legal, contractual or voluntary, as facts. The wording is ours
 * and is not pinned; the figures and the kinds are. A broken file is reported at its field.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors/report.ts';
import { loadReportingDuties, REPORTING_DUTIES_FILE } from '../../src/guidelines/reporting-duties.ts';
import { PUBLIC_WINDOWS } from '../../src/site/public-windows.ts';
import { slotById } from '../../src/slots/template.ts';
import { ROOT } from '../helpers.ts';

const loaded = loadReportingDuties(ROOT);
const REPORTING_DUTIES = loaded.duties?.duties ?? [];

const duty = (id: string) => {
  const found = REPORTING_DUTIES.find((d) => d.id === id);
  expect(found, id).toBeDefined();
  return found!;
};

describe('the reporting duties', () => {
  it('loads without a problem', () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
  });

  it('has one row per recipient: the PPC, the people concerned, police, IPA, customers and the ministry', () => {
    expect(REPORTING_DUTIES.map((d) => d.id).sort()).toEqual(['customers', 'ipa', 'ministry', 'people', 'police', 'ppc']);
    for (const d of REPORTING_DUTIES) {
      expect(d.when.length, d.id).toBeGreaterThan(0);
      expect(d.what.length, d.id).toBeGreaterThan(0);
    }
  });

  it('gives the PPC deadlines: a prompt report in about 3–5 days, the final one in 30 days or 60 for a malicious leak', () => {
    const ppc = duty('ppc');
    const when = ppc.when.join('\n');
    expect(when).toMatch(/速報.*3〜5日/);
    expect(when).toMatch(/確報.*30日以内/);
    expect(when).toMatch(/不正な目的.*60日以内/);
    // A cyber attack needs the report whatever the number of people.
    expect(ppc.note).toMatch(/サイバー攻撃.*人数にかかわらず/);
    expect(ppc.note).toContain('1,000人');
  });

  it('marks the PPC report and notifying the people as legal duties, IPA and police as voluntary, customers as contractual', () => {
    expect(duty('ppc').kind).toBe('法令の義務');
    expect(duty('people').kind).toBe('法令の義務');
    expect(duty('ipa').kind).toMatch(/^任意/);
    expect(duty('police').kind).toMatch(/^任意/);
    expect(duty('customers').kind).toBe('契約による義務');
  });

  it('refers only to public windows and slots that exist', () => {
    const windows = new Set(PUBLIC_WINDOWS.map((w) => w.id));
    for (const d of REPORTING_DUTIES) {
      if (d.window) expect(windows.has(d.window), `${d.id} → ${d.window}`).toBe(true);
      if (d.whenSlot !== undefined) expect(slotById(d.whenSlot), `${d.id} → #${d.whenSlot}#`).toBeDefined();
    }
    // The customers' first-report deadline is the company's own (#9#).
    expect(duty('customers').whenSlot).toBe(9);
  });
});

describe('a broken reporting-duties file', () => {
  it('is reported at the field, in Japanese, with the rule id', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-duties-'));
    try {
      const text = readFileSync(path.join(ROOT, REPORTING_DUTIES_FILE), 'utf8').replace('    kind: 契約による義務', '    kind: 努力義務');
      mkdirSync(path.join(dir, path.dirname(REPORTING_DUTIES_FILE)), { recursive: true });
      writeFileSync(path.join(dir, REPORTING_DUTIES_FILE), text);
      const line = text.split('\n').findIndex((l) => l.includes('kind: 努力義務')) + 1;
      const result = loadReportingDuties(dir);
      expect(result.duties).toBeUndefined();
      expect(result.problems.map(formatProblem)).toEqual([
        `${REPORTING_DUTIES_FILE}:${line}:11  エラー  報告の期限と義務の表（いつ・どこへ・何を）の \`duties[4].kind\`: 法令の義務・契約による義務・任意（強く勧める） のどれかを書いてください。  reporting-duties-invalid`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
