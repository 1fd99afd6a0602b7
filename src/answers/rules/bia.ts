/**
 * The business-impact analysis (bia): the processes name systems from `bia.systems` and
 * the list names no system nobody uses; every S or A system has an RTO, an offline copy
 * and a restore test within the year (a warning unless `bia.backupReadiness: error`);
 * each backup follows 3-2-1; no RTO is shorter than grasping the situation (#7#).
 */
import { isCritical, systemPriorities } from '../../bia/matrix.ts';
import { backupStatus } from '../../bia/recovery.ts';
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';
import { durationMinutes } from './timing.ts';

export const biaRules: Rule = (context) => {
  const { bia, slots } = context.answers;
  if (!bia) return [];
  const problems: Problem[] = [];
  const names = new Set(bia.systems.map((s) => s.name));
  const known = [...names].map((n) => `「${n}」`).join('');
  const used = new Set<string>();
  bia.processes.forEach((process, p) => {
    process.systems.forEach((use, u) => {
      used.add(use.system);
      if (names.has(use.system)) return;
      const path = ['bia', 'processes', p, 'systems', u, 'system'];
      problems.push(problemAt(context, 'bia-system-unknown', path, { path: formatPath(path), system: use.system, known }));
    });
  });

  const priorities = systemPriorities(bia);
  const graspText = slots[7];
  const grasp = graspText === undefined ? undefined : durationMinutes(graspText);
  bia.systems.forEach((system, s) => {
    const base = ['bia', 'systems', s];
    if (!used.has(system.name)) {
      const path = [...base, 'name'];
      problems.push(problemAt(context, 'bia-system-unused', path, { path: formatPath(path), system: system.name }));
    }
    const priority = priorities[s]!.priority;
    if (isCritical(priority) && system.rto === undefined) {
      problems.push(problemAt(context, 'bia-rto-missing', base, { path: formatPath(base), system: system.name, priority: priority! }));
    }
    if (system.rto !== undefined && grasp !== undefined && graspText !== undefined) {
      const rto = durationMinutes(system.rto);
      if (rto !== undefined && rto < grasp) {
        const path = [...base, 'rto'];
        problems.push(problemAt(context, 'bia-rto-before-grasp', path, { path: formatPath(path), system: system.name, rto: system.rto, grasp: graspText }));
      }
    }
    const last = system.backup?.lastRestoreTest;
    if (last !== undefined && last > context.today.date) {
      const path = [...base, 'backup', 'lastRestoreTest'];
      problems.push(problemAt(context, 'date-in-future', path, { path: formatPath(path), date: last, today: context.today.date }));
    }
    const status = backupStatus(system, context.today.date);
    const backupPath = system.backup ? [...base, 'backup'] : base;
    if (isCritical(priority)) {
      const lacks: string[] = [];
      if (!status.offline) lacks.push('ネットワークから切り離した（または書き換えられない）コピーがありません');
      if (status.lastRestoreTest === undefined) lacks.push('バックアップから戻すテストをしたことがありません');
      else if (!status.restoreTestFresh) lacks.push(`最後の復元テスト（${status.lastRestoreTest}）から1年以上たっています`);
      if (lacks.length > 0) {
        const problem = problemAt(context, 'bia-backup-not-ready', backupPath, { path: formatPath(backupPath), system: system.name, priority: priority!, what: lacks.join('。また、') });
        // The company decides whether an unready backup of a critical system stops the build.
        problems.push(bia.backupReadiness === 'error' ? { ...problem, severity: 'error' } : problem);
      }
    }
    if (!status.meets321) {
      problems.push(problemAt(context, 'bia-backup-321', backupPath, { path: formatPath(backupPath), system: system.name, gaps: status.gaps321.join('、') }));
    }
  });
  return problems;
};
