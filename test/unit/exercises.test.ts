/**
 * The exercise kit's scenarios as data (src/exercises/): the five scenarios, the two IPA
 * finds most realistic for a factory among them, restore questions that come before the
 * RTO they quote, and an after-action review with IPA's eight points.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { durationMinutes } from '../../src/answers/rules/timing.ts';
import { CLOSING_QUESTIONS, exerciseScenarios, type Scenario } from '../../src/exercises/scenarios.ts';
import { partsText } from '../../src/site/checklists.ts';
import { FIXTURES, ROOT } from '../helpers.ts';

const answers = loadAnswersFile(path.join(FIXTURES, 'answers', 'example.yaml'), { cwd: ROOT }).answers!;
const TODAY = '2026-12-01';
const scenarios = exerciseScenarios(answers, TODAY);
const byId = (id: Scenario['id']) => scenarios.find((s) => s.id === id)!;
const allText = (s: Scenario) =>
  [
    partsText(s.setting),
    ...s.injects.flatMap((i) => [partsText(i.text), ...i.questions.map((q) => partsText(q.text)), ...i.expected.map((e) => partsText(e.text))]),
  ].join('\n');

describe('the exercise scenarios', () => {
  it('include an unexplained system stop and an information leak beside the other three', () => {
    expect(scenarios.map((s) => s.id).sort()).toEqual(['brought-in', 'leak', 'mail-cloud', 'ransomware', 'system-stop']);
    for (const s of scenarios) expect(s.injects.length, s.id).toBeGreaterThanOrEqual(4);
  });

  it('writes the system stop from the answers: the first system to restore, its fallback, and monitoring after recovery', () => {
    const stop = byId('system-stop');
    const first = answers.bia!.systems.find((s) => allText(stop).includes(s.name));
    expect(first, 'a system of the BIA').toBeDefined();
    const text = allText(stop);
    expect(text).toContain(answers.slots[1]!);
    expect(text).toContain(answers.slots[3]!);
    expect(stop.injects.flatMap((i) => i.questions.map((q) => q.plan))).toContain('3.3.4');
  });

  it('asks every restore question of the system stop before the RTO it quotes', () => {
    const stop = byId('system-stop');
    expect(stop.injects.some((i) => i.expected.some((e) => e.deadline && e.plan === '3.3.3'))).toBe(true);
    for (const inject of stop.injects) {
      // The restore actions (plan 3.3 ③), whose deadline is the system's RTO.
      for (const action of inject.expected.filter((e) => e.deadline && e.plan === '3.3.3')) {
        const rto = action.deadline!.map((p) => (typeof p === 'string' ? p : p.answer)).find((p) => durationMinutes(p) !== undefined);
        expect(rto, partsText(action.deadline!)).toBeDefined();
        expect(inject.minutes).toBeLessThan(durationMinutes(rto!)!);
      }
    }
  });

  it('has the leak reported to the PPC within the legal deadlines, whatever the number of people, and the people told', () => {
    const leak = byId('leak');
    const deadlines = leak.injects.flatMap((i) => i.expected.flatMap((e) => (e.deadline ? [partsText(e.deadline)] : [])));
    expect(deadlines.join('\n')).toMatch(/3〜5日/);
    expect(deadlines.join('\n')).toMatch(/60日/);
    const text = allText(leak);
    expect(text).toContain('人数にかかわらず');
    expect(text).toContain('本人');
    expect(text).toContain(answers.slots[14]!);
    // The extortion inject points to the ransom policy.
    expect(leak.injects.flatMap((i) => i.expected.map((e) => e.plan))).toContain('3.2.5');
  });

  it('closes with an after-action review of eight points, each linked to a plan section', () => {
    expect(CLOSING_QUESTIONS).toHaveLength(8);
    const labels = CLOSING_QUESTIONS.map((q) => /^([^:]+):/.exec(partsText(q.text))?.[1]);
    expect(labels).toEqual(['目的の達成', '手順の理解', '連携と連絡', '判断と指示', '情報の共有と記録', '課題と改善', '次回までにすること', '全体の評価']);
    for (const q of CLOSING_QUESTIONS) expect(q.plan).toMatch(/^\d+(\.\d+)*$/);
  });
});
