/**
 * One data-file parser for the glossary, the guideline tables and the checklists: YAML errors
 * in Japanese (the parser's English never reaches people), duplicate keys refused, zod issues
 * located at their field.
 */
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/collections/checklists.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { parseGlossary } from '../../src/glossary/load.ts';

describe('data files', () => {
  it('put a YAML syntax error of a checklist in Japanese, with the error code after it', () => {
    const { problems } = parseChecklist('incident', 'title: "閉じていない\nphases: []\n', 'content/checklists/incident.yaml');
    expect(problems.map(formatProblem)).toEqual([
      'content/checklists/incident.yaml:3:1  エラー  チェックリストの `（ファイル全体）`: YAML として読めません。閉じ記号（引用符や括弧）が足りません。（MISSING_CHAR）  checklist-invalid',
    ]);
  });

  it('refuse a duplicated key in the glossary, in Japanese', () => {
    const { problems } = parseGlossary('terms: []\nterms: []\n', 'content/glossary.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('YAML として読めません。同じ項目名が2回書かれています。');
    expect(problems[0]!.message).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English sentence (the code alone is in Latin letters)
  });
});
