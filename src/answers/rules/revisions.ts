/**
 * The revision history reads top to bottom: each version is newer than the one before,
 * no date goes backwards, and none lies after today (an approval not given yet).
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';

/** "1.10" is newer than "1.9": compare the numbers, not the text. */
export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export const revisionRules: Rule = (context) => {
  const { revisions } = context.answers;
  const today = context.today.date;
  const problems: Problem[] = [];
  revisions.forEach((revision, index) => {
    const previous = revisions[index - 1];
    if (previous && compareVersions(revision.version, previous.version) <= 0) {
      const path = ['revisions', index, 'version'];
      problems.push(problemAt(context, 'revision-order', path, { path: formatPath(path), what: `版「${revision.version}」が前の版「${previous.version}」より新しくなっていません` }));
    }
    if (previous && revision.date < previous.date) {
      const path = ['revisions', index, 'date'];
      problems.push(problemAt(context, 'revision-order', path, { path: formatPath(path), what: `日付 ${revision.date} が前の版の日付 ${previous.date} より前です` }));
    }
    if (revision.date > today) {
      const path = ['revisions', index, 'date'];
      problems.push(problemAt(context, 'date-in-future', path, { path: formatPath(path), date: revision.date, today }));
    }
  });
  return problems;
};
