/**
 * Timing helpers for `npm run bench`: commands run alternately (paired), so a machine
 * that is busier during one stretch slows both sides alike, and medians are reported.
 * Timings are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Timing {
  /** Wall seconds. */
  wall: number;
  /** User + system CPU seconds of the command and its children (NaN when /usr/bin/time is missing). */
  cpu: number;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command once; throws with its output when it fails. */
export function timeCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Timing {
  const withTime = existsSync(GNU_TIME);
  const start = performance.now();
  const result = withTime
    ? spawnSync(GNU_TIME, ['-f', '@@cpu %U %S', command, ...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      })
    : spawnSync(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} が失敗しました（${result.status}）:\n${result.stdout}\n${result.stderr}`);
  const match = /@@cpu ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  return { wall, cpu: match ? Number(match[1]) + Number(match[2]) : Number.NaN };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function medianTiming(timings: readonly Timing[]): Timing {
  return { wall: median(timings.map((t) => t.wall)), cpu: median(timings.map((t) => t.cpu)) };
}

/** Runs each job `runs` times, alternating between them; returns the median of each. */
export function paired<T extends string>(runs: number, jobs: Record<T, () => Timing>): Record<T, Timing> {
  const seen = Object.fromEntries(Object.keys(jobs).map((k) => [k, [] as Timing[]])) as Record<T, Timing[]>;
  for (let i = 0; i < runs; i++) for (const key of Object.keys(jobs) as T[]) seen[key].push(jobs[key]());
  return Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, medianTiming(v as Timing[])])) as Record<T, Timing>;
}

export const seconds = (s: number) => (Number.isNaN(s) ? 'n/a' : s < 1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(2)} s`);
export const ratio = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
