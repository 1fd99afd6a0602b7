import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSectionNumbers } from '../../src/collections/checklists.ts';
import { ProblemsError } from '../../src/errors/problems-error.ts';
import { sectionTarget, sectionsFromHeadings } from '../../src/collections/plan-sections.ts';

const chapter = (n: number, filePath: string, headings: Array<{ depth: number; slug: string; text: string }>) => ({
  chapter: n,
  id: `chapter-${n}`,
  title: `第${n}章`,
  filePath,
  headings,
});

function problemOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemsError);
    return (error as ProblemsError).problems[0];
  }
  throw new Error('expected a ProblemsError');
}

describe('plan sections', () => {
  it('numbers sections and their circled steps', () => {
    const sections = sectionsFromHeadings([
      chapter(3, 'content/plan/03.mdx', [
        { depth: 3, slug: 's31', text: '3.1 検知' },
        { depth: 4, slug: 's314', text: '④ 初期対応' },
      ]),
    ]);
    expect([...sections.keys()]).toEqual(['3', '3.1', '3.1.4']);
    expect(sectionTarget(sections, '3.1.4', 'x')).toMatch(/#s314$/);
  });

  it('stops on a heading id shared by two chapters, as a catalogued problem at the second file', () => {
    const problem = problemOf(() =>
      sectionsFromHeadings([
        chapter(1, 'content/plan/01.mdx', [{ depth: 3, slug: 'same', text: '1.1 目的' }]),
        chapter(2, 'content/plan/02.mdx', [{ depth: 3, slug: 'same', text: '2.1 目的' }]),
      ]),
    );
    expect(problem).toMatchObject({ file: 'content/plan/02.mdx', ruleId: 'plan-heading-duplicate', severity: 'error' });
    expect(problem?.message).toContain('「same」');
  });

  it('names the page that links to a section number the plan does not have', () => {
    const sections = sectionsFromHeadings([chapter(3, 'content/plan/03.mdx', [{ depth: 3, slug: 's31', text: '3.1 検知' }])]);
    const problem = problemOf(() => sectionTarget(sections, '9.9', '訓練シナリオ「停電」'));
    expect(problem).toMatchObject({ ruleId: 'plan-section-unknown' });
    expect(problem?.message).toBe(
      '訓練シナリオ「停電」 が計画本文の「9.9」を参照していますが、その番号の節はありません（ある節: 3、3.1）。番号を直すか、計画本文に節を足してください。',
    );
  });
});

describe('the section numbers bcp check reads from the chapter files', () => {
  it('come from the parsed headings: none from frontmatter, code blocks or other heading levels', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-sections-'));
    try {
      mkdirSync(path.join(dir, 'content', 'plan'), { recursive: true });
      writeFileSync(
        path.join(dir, 'content', 'plan', '03.mdx'),
        [
          '---',
          'title: 対応',
          'chapter: 3',
          'note: "### 8.8 frontmatter"',
          '---',
          '',
          '### 3.1 発見',
          '',
          '#### ② 通報',
          '',
          '```text',
          '### 9.9 コードの中',
          '```',
          '',
          '## 3.5 見出しの深さが違う',
          '',
        ].join('\n'),
      );
      expect([...planSectionNumbers(dir)].sort()).toEqual(['3', '3.1', '3.1.2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
