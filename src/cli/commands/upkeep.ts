/**
 * `bcp upkeep [--today DATE] [--answers FILE]`: the one check that fails on an overdue
 * review, education, drill or audit. `bcp check` and `bcp build` only warn about them,
 * so a pull request that fixes an emergency phone number is never blocked; a weekly
 * workflow runs this command, so the overdue item shows as a failed run in Actions.
 *
 * Exit 0 when nothing is overdue, 1 when something is, 2 when the answers cannot be read.
 */
import { resolveToday, upkeepSchedule, type DueItem } from '../../answers/due.ts';
import { loadAnswersFile } from '../../answers/load.ts';
import { checkAnswerRules } from '../../answers/rules/index.ts';
import { annotateProblems, reportProblems } from '../../errors/report.ts';

export interface UpkeepOptions {
  answersFile: string;
  /** YYYY-MM-DD; default: the answers' `upkeep.asOf` (the example), else today in Japan. */
  today?: string;
  /** Where lines go. Default: stdout and stderr. */
  out?: (line: string) => void;
  err?: (line: string) => void;
}

function since(item: DueItem): string {
  const last = item.basis === 'plan-start' ? '記録なし（初版の日から数えました）' : `前回 ${item.last}`;
  return `${item.label}: 期限 ${item.next} から ${-item.daysLeft} 日過ぎています（頻度 ${item.frequency}、${last}）`;
}

export function runUpkeep(options: UpkeepOptions): number {
  const out = options.out ?? ((line: string) => console.log(line));
  const err = options.err ?? ((line: string) => console.error(line));
  const loaded = loadAnswersFile(options.answersFile);
  if (!loaded.answers) {
    reportProblems(loaded.problems, err);
    err('回答ファイルを読めないため、期限を確かめられませんでした。上の問題を直してください。');
    return 2;
  }
  const today = resolveToday(loaded.answers, options.today);
  const items = upkeepSchedule(loaded.answers, today.date);
  const overdue = items.filter((item) => item.status === 'overdue');
  const soon = items.filter((item) => item.status === 'soon');
  const when = `${today.date} 時点${today.source === 'answers' ? '、回答の upkeep.asOf の日付' : ''}`;
  if (process.env.GITHUB_ACTIONS === 'true') {
    const due = checkAnswerRules(loaded, { today: today.date }).filter((p) => p.ruleId === 'upkeep-overdue' || p.ruleId === 'upkeep-due-soon');
    annotateProblems(
      due.map((problem) => ({ ...problem, severity: problem.ruleId === 'upkeep-overdue' ? 'error' : 'warning' })),
      out,
    );
  }
  if (overdue.length > 0) {
    err(`期限を過ぎた見直し・教育・訓練・監査があります（${when}）:`);
    for (const item of overdue) err(`- ${since(item)}`);
    for (const item of soon) err(`- （もうすぐ）${item.label}: 期限 ${item.next} まであと ${item.daysLeft} 日`);
    err(`行ったら、その日を ${loaded.file} の upkeep に書いてください（見直しは改訂履歴に1件足すことでも数えます）。`);
    return 1;
  }
  for (const item of soon) out(`- （もうすぐ）${item.label}: 期限 ${item.next} まであと ${item.daysLeft} 日`);
  out(`期限を過ぎた見直し・教育・訓練・監査はありません（${when}）。`);
  return 0;
}
