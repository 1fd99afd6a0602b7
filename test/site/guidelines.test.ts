/**
 * The automotive guideline correspondence and IPA's response steps, over the built site:
 * every evidence reference resolves (and a broken one is reported at its line), the built
 * CSV is the one the code writes, the page explains the levels and the timeline, and the
 * binder carries the appendix. The scoring itself: test/unit/automotive-evidence.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import type { Answers } from '../../src/answers/schema.ts';
import { AUTOMOTIVE_CSV } from '../../src/guidelines/csv.ts';
import { checkEvidence } from '../../src/guidelines/evidence.ts';
import { AUTOMOTIVE_FILE, loadGuidelines, type Guidelines } from '../../src/guidelines/load.ts';
import { FIXTURES, ROOT } from '../helpers.ts';
import { PUBLISHED_ASSESSMENT_NOTE } from '../../src/site/published-assessment.ts';
import { exampleSite, testSite } from '../site-helpers.ts';

const loaded = loadGuidelines(ROOT);
const guidelines = loaded.guidelines as Guidelines;
const example = parseAnswers(readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8'), 'example.yaml').answers as Answers;

describe('the guideline tables in the built site', () => {
  it('lead to pages and headings that exist', () => {
    expect(loaded.problems).toEqual([]);
    expect(checkEvidence(exampleSite(), guidelines)).toEqual([]);
  });

  it('report a reference to a heading that is gone at its line in the table', () => {
    const automotive = guidelines.automotive;
    const index = automotive.labels.findIndex((l) => l.number === 3);
    const broken: Guidelines = {
      ...guidelines,
      automotive: {
        ...automotive,
        labels: automotive.labels.map((l, n) =>
          n === index ? { ...l, evidence: [{ ...l.evidence[0]!, anchor: 'no-such-heading' }, ...l.evidence.slice(1)] } : l,
        ),
      },
    };
    const text = readFileSync(path.join(ROOT, AUTOMOTIVE_FILE), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('anchor: 71-関連法令')) + 1;
    const problems = checkEvidence(exampleSite(), broken);
    expect(problems.map((p) => `${p.file}:${p.line}  ${p.ruleId}  ${p.message}`)).toEqual([
      `${AUTOMOTIVE_FILE}:${line}  evidence-missing  項目「ラベル3」の根拠 \`plan.html#no-such-heading\` が、作ったサイトにありません。見出しの名前が変わったなら、対応表の page と anchor を今の見出しに合わせてください。`,
    ]);
  });
});

describe('the automotive page, CSV and appendix', () => {
  const built = readFileSync(path.join(exampleSite(), AUTOMOTIVE_CSV), 'utf8');
  const lines = built
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

  it('serves the CSV with one line per carried No. and per unscored label row', () => {
    expect(built.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toMatch(/^行ID,分類,ラベル番号,ラベル,達成条件No\.,/);
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    const expected = guidelines.automotive.labels.flatMap((label) => {
      const nos = guidelines.automotive.conditions.filter((c) => c.label === label.number).map((c) => `no-${c.no}`);
      return nos.length > 0 ? [...nos.sort(), `label-${label.number}-rest`] : [`label-${label.number}`];
    });
    expect(ids).toEqual(expected);
    // No site URL in the example: links stay relative to the site.
    expect(example.plan.siteUrl).toBeUndefined();
    expect(built).toContain(',plan.html#chapter-3 ');
  });

  it('explains the level structure and the timeline with their source, and links the CSV', () => {
    const page = readFileSync(path.join(exampleSite(), 'guidelines', 'automotive.html'), 'utf8');
    expect(page).toContain('href="../guidelines/automotive.csv"');
    expect(page).toContain('ガイドラインの組み立てと、業界が求める時期');
    expect(page).toContain('2024年度末');
    expect(page).toContain(`href="${guidelines.automotive.checkSheet.url}"`);
    expect(page).toContain('id="no-24"');
    expect(page).toContain('id="label-24"');
  });

  it('has its appendix in the internal binder', () => {
    const text = execFileSync('pdftotext', ['-layout', path.join(exampleSite(), 'plan.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('付録 自動車産業サイバーセキュリティガイドラインとの対応');
    expect(text).toContain('ガイドラインの組み立てと、業界が求める時期');
    expect(text).toContain('IPA の対応手順との対応');
  });
});

describe('the source of the example’s 13-entry assessment', () => {
  const note = PUBLISHED_ASSESSMENT_NOTE.slice(0, 40);

  it('is named on the threat map, on an entry page and in the binder', () => {
    for (const page of ['threats.html', 'threats/06.html']) expect(readFileSync(path.join(exampleSite(), page), 'utf8'), page).toContain(note);
    const text = execFileSync('pdftotext', [path.join(exampleSite(), 'plan.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('アセスメント結果の評価例');
  });

  it('is not shown in the public build, which has no results', () => {
    expect(readFileSync(path.join(testSite('public').dir, 'threats.html'), 'utf8')).not.toContain(note);
  });
});
