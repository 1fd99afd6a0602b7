/**
 * The business-impact matrix: a process's importance (the highest impact on any axis)
 * crossed with how much it depends on a system (松竹梅) gives the priority S–D of that
 * pair, and a system takes the highest priority of the processes that use it. Nobody
 * types a priority: it follows from the written criteria, so a review argues about facts.
 *
 * The 3×3 table is BCAO's example (importance × dependency → S, A, B, C, D).
 */
import type { Bia, DependencyClass, ImpactLevel } from '../answers/schema.ts';

export const PRIORITIES = ['S', 'A', 'B', 'C', 'D'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** 松 = high dependency (cannot run by hand), 竹 = middle (by hand, given the data), 梅 = low. */
export const DEPENDENCY_LEVEL: Readonly<Record<DependencyClass, ImpactLevel>> = { 松: '高', 竹: '中', 梅: '低' };

/** MATRIX[dependency][importance]. */
export const MATRIX: Readonly<Record<ImpactLevel, Readonly<Record<ImpactLevel, Priority>>>> = {
  高: { 高: 'S', 中: 'A', 低: 'B' },
  中: { 高: 'A', 中: 'B', 低: 'C' },
  低: { 高: 'B', 中: 'C', 低: 'D' },
};

const LEVEL_RANK: Readonly<Record<ImpactLevel, number>> = { 高: 3, 中: 2, 低: 1 };

export function priorityOf(importance: ImpactLevel, dependency: DependencyClass): Priority {
  return MATRIX[DEPENDENCY_LEVEL[dependency]][importance];
}

/** The higher of two priorities (S is highest). */
export function higherPriority(a: Priority, b: Priority): Priority {
  return PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b;
}

/** A process's importance: its largest impact on any axis (one severe consequence is enough). */
export function importanceOf(impact: Readonly<Record<string, ImpactLevel>>): ImpactLevel {
  let best: ImpactLevel = '低';
  for (const level of Object.values(impact)) if (LEVEL_RANK[level] > LEVEL_RANK[best]) best = level;
  return best;
}

export interface ProcessPriority {
  name: string;
  importance: ImpactLevel;
  /** Each system the process uses, with the priority of that pair. */
  systems: Array<{ system: string; dependency: DependencyClass; priority: Priority }>;
}

export interface SystemPriority {
  name: string;
  /** Undefined when no process uses the system (the rule bia-system-unused reports it). */
  priority?: Priority;
  /** The processes that gave the system its priority. */
  decidedBy: string[];
}

export function processPriorities(bia: Bia): ProcessPriority[] {
  return bia.processes.map((process) => {
    const importance = importanceOf(process.impact);
    return {
      name: process.name,
      importance,
      systems: process.systems.map((use) => ({ system: use.system, dependency: use.dependency, priority: priorityOf(importance, use.dependency) })),
    };
  });
}

/** Every system of `bia.systems` with its derived priority, in the order of the list. */
export function systemPriorities(bia: Bia): SystemPriority[] {
  const processes = processPriorities(bia);
  return bia.systems.map((system) => {
    let priority: Priority | undefined;
    let decidedBy: string[] = [];
    for (const process of processes) {
      for (const use of process.systems) {
        if (use.system !== system.name) continue;
        if (priority === undefined || PRIORITIES.indexOf(use.priority) < PRIORITIES.indexOf(priority)) {
          priority = use.priority;
          decidedBy = [process.name];
        } else if (use.priority === priority && !decidedBy.includes(process.name)) {
          decidedBy.push(process.name);
        }
      }
    }
    return { name: system.name, priority, decidedBy };
  });
}

/** S and A: the systems whose readiness the rules insist on. */
export function isCritical(priority: Priority | undefined): boolean {
  return priority === 'S' || priority === 'A';
}
