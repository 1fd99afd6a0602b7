/**
 * Chapter 3's additions for issue 20, by structure and facts (never our prose): monitoring
 * after recovery (3.3 ④) names an owner, a duration and what to watch; a ransom-payment
 * policy (3.2 ⑤); the PPC deadlines beside the public bodies (3.2 ④).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const chapter3 = readFileSync(path.join(ROOT, 'content', 'plan', '03-response-flow.mdx'), 'utf8');

/** The text of the `####` step whose heading starts with `mark`, inside the `###` section `section`. */
function step(section: string, mark: string): string {
  const from = chapter3.indexOf(`### ${section}`);
  expect(from, section).toBeGreaterThanOrEqual(0);
  const rest = chapter3.slice(from);
  const next = rest.slice(4).search(/^### /m);
  const sectionText = next < 0 ? rest : rest.slice(0, next + 4);
  const at = sectionText.search(new RegExp(`^#### ${mark}`, 'm'));
  expect(at, `${section} ${mark}`).toBeGreaterThanOrEqual(0);
  const body = sectionText.slice(at);
  const end = body.slice(5).search(/^#### /m);
  return end < 0 ? body : body.slice(0, end + 5);
}

describe('chapter 3 for issue 20', () => {
  it('has monitoring after recovery with an owner, a duration in days and at least three things to watch', () => {
    const monitoring = step('3.3', '④');
    expect(monitoring).toMatch(/^#### ④ 復旧後の監視/);
    expect(monitoring).toMatch(/^- 担当: .+/m);
    expect(monitoring).toMatch(/^- 期間: .*\d+日間/m);
    const watch = monitoring.slice(monitoring.search(/^- 見張ること: /m));
    const items = watch.split('\n').filter((l) => /^ {2}- /.test(l));
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(monitoring).toMatch(/^- 終わり方: .+/m);
  });

  it('has a ransom-payment policy of its own (3.2 ⑤): not paying, no one answering alone, evidence kept', () => {
    const policy = step('3.2', '⑤');
    expect(policy).toMatch(/^#### ⑤ 身代金/);
    expect(policy).toContain('払わない');
    expect(policy).toContain('個人の判断');
    expect(policy).toContain('証拠');
  });

  it('gives the PPC deadlines where the public bodies are contacted (3.2 ④), and points to the table', () => {
    const authorities = step('3.2', '④');
    expect(authorities).toMatch(/3〜5日/);
    expect(authorities).toContain('30日以内');
    expect(authorities).toContain('60日以内');
    expect(authorities).toContain('contacts.html#reporting-duties');
    expect(authorities).toMatch(/IPA.*任意/);
  });
});
