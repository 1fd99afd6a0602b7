/** The example company's site as `bcp build` makes it (the run's shared build). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { slotValues } from '../../src/answers/values.ts';
import { FIXTURES } from '../helpers.ts';
import { exampleSite } from '../site-helpers.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

describe('bcp build of the example company', () => {
  const out = exampleSite();
  const answersFile = path.join(FIXTURES, 'answers', 'example.yaml');

  it('resolves every slot to the company answer in the plan', () => {
    const plan = textOf(readFileSync(path.join(out, 'plan.html'), 'utf8'));
    const values = slotValues(loadAnswersFile(answersFile).answers!);
    expect(values.size).toBe(18);
    for (const [id, value] of values) expect(plan, `slot ${id}`).toContain(value);
    expect(plan).not.toMatch(/[#＃]\s*\d+\s*[#＃]/);
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
