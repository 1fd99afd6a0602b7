/**
 * The 「いつ・どこへ・何を」 table's data (src/site/reporting-duties.ts): the legal deadlines
 * and which duty is legal, contractual or voluntary, as facts. The wording is ours and is
 * not pinned; the figures and the kinds are.
 */
import { describe, expect, it } from 'vitest';
import { REPORTING_DUTIES } from '../../src/site/reporting-duties.ts';
import { PUBLIC_WINDOWS } from '../../src/site/public-windows.ts';
import { slotById } from '../../src/template/slots.ts';

const duty = (id: string) => {
  const found = REPORTING_DUTIES.find((d) => d.id === id);
  expect(found, id).toBeDefined();
  return found!;
};

describe('the reporting duties', () => {
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
