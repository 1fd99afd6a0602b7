/**
 * One pairing of slot markers (src/slots/syntax.ts `pairSlots`) for the plan's content and
 * the checklists (issue 22): the same string gives the same slots and the same problems.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slotSpans } from '../../src/collections/checklists.ts';
import { fixtureValues, renderMarkdown } from '../helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'bcp-pairing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = [
  'issue #12 と C#7 はただの文字',
  '担当は #3#情報システム担当#3# です',
  '#3#担当#3# と書きかけの #3 が並ぶ',
  '閉じない #3#担当 のあとに #7#2時間#7#',
  '番号の外 #100#x#100#',
  '全角 ＃３＃担当＃３＃',
  '#99#ひな形にない#99#',
];

async function inContent(text: string) {
  const file = path.join(dir, 'input.md');
  writeFileSync(file, `${text}\n`);
  const { problems, slots } = await renderMarkdown(file, fixtureValues(), dir);
  return { rules: problems.map((p) => p.ruleId).sort(), ids: slots.map((s) => s.id) };
}

function inChecklist(text: string) {
  const { spans, errors } = slotSpans(text);
  return { rules: errors.map((e) => e.ruleId).sort(), ids: spans.map((s) => s.id) };
}

describe('slot pairing', () => {
  for (const text of CASES) {
    it(`agrees between content and checklists: ${text}`, async () => {
      expect(inChecklist(text)).toEqual(await inContent(text));
    });
  }

  it('treats a lone `#12` as text in a checklist, and warns about a half beside its marker', () => {
    expect(slotSpans('issue #12 の件').errors).toEqual([]);
    expect(slotSpans('#3#担当#3# と #3').errors.map((e) => e.ruleId)).toEqual(['half-marker']);
  });
});
