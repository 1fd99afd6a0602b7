/**
 * `bcp review FILE`: reads an exercise record exported from the incident page
 * (`?mode=exercise`, 「記録を JSON で保存」) and prints, in Japanese, the change to the
 * answers it implies: `upkeep.lastDrill` and each finding of the review sheet as a
 * follow-up with owner and due date, as YAML to paste, so the exercise reaches the plan
 * through a pull request. Nothing is written; people review the change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import * as z from 'zod';
import { formatPath, zodErrorMap } from '../../answers/error-map.ts';
import { loadAnswersFile } from '../../answers/load.ts';
import { isoDate } from '../../answers/schema.ts';
import { ruleMessage, ruleSeverity, type Problem, type RuleId } from '../../errors/catalogue.ts';
import { RECORD_FORMAT, RECORD_VERSION, REVIEW_ROWS, type ReviewFinding } from '../../site/incident-record.ts';

/** The largest record read (a day's log is a few hundred kilobytes at most). */
const MAX_RECORD_BYTES = 20 * 1024 * 1024;

const text = z.string().max(2000, { error: '長すぎます（2000文字まで）。' });

/** What `bcp review` needs of an exported record; the rest (items, events) is not checked here. */
export const exerciseRecordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(RECORD_VERSION),
  mode: z.literal('exercise'),
  company: z.string(),
  date: isoDate,
  review: z.object({
    wentWell: text,
    findings: z
      .array(
        z.object({ gap: text, change: text, owner: text, due: z.union([z.literal(''), isoDate], { error: '日付は「2026-04-01」のように書いてください。' }) }),
      )
      .max(REVIEW_ROWS * 4, { error: '課題が多すぎます。' }),
  }),
});

export type ExerciseRecord = z.infer<typeof exerciseRecordSchema>;

export interface ReviewOptions {
  file: string;
  /** The answers to compare with (current lastDrill, company). Default: none. */
  answersFile?: string;
  /** Base directory for reported paths. Default: `process.cwd()`. */
  cwd?: string;
}

export interface ReviewResult {
  problems: Problem[];
  /** The change to paste, when the record could be read. */
  output?: string;
}

/** One line of text: the answers' fields take no line breaks. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

export function runReview(options: ReviewOptions): ReviewResult {
  const cwd = options.cwd ?? process.cwd();
  const file = path.relative(cwd, path.resolve(cwd, options.file)) || options.file;
  const problem = <R extends RuleId>(ruleId: R, message: string): Problem => ({ file, line: 1, column: 1, ruleId, severity: ruleSeverity(ruleId), message });

  let raw: string;
  try {
    const bytes = readFileSync(path.resolve(cwd, options.file));
    if (bytes.length > MAX_RECORD_BYTES) return { problems: [problem('review-not-json', ruleMessage('review-not-json', { file, detail: '大きすぎます' }))] };
    raw = bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch {
    return { problems: [problem('review-file-unreadable', ruleMessage('review-file-unreadable', { file }))] };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const detail = error instanceof SyntaxError ? '書式の誤りがあります' : '読めません';
    return { problems: [problem('review-not-json', ruleMessage('review-not-json', { file, detail }))] };
  }
  if (typeof value === 'object' && value !== null && (value as { mode?: unknown }).mode === 'incident') {
    return { problems: [problem('review-not-exercise', ruleMessage('review-not-exercise', {}))] };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== RECORD_FORMAT) {
    // Some other JSON: one message, not one per missing field.
    return {
      problems: [
        problem(
          'review-invalid',
          ruleMessage('review-invalid', { path: 'format', detail: `対応記録のファイルではありません（format が「${RECORD_FORMAT}」でない）。` }),
        ),
      ],
    };
  }
  const parsed = exerciseRecordSchema.safeParse(value, { error: zodErrorMap });
  if (!parsed.success) {
    // One message per field (a date can fail both its pattern and its calendar check).
    const byPath = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const at = formatPath(issue.path);
      if (!byPath.has(at)) byPath.set(at, issue.message);
    }
    return { problems: [...byPath].slice(0, 10).map(([at, detail]) => problem('review-invalid', ruleMessage('review-invalid', { path: at, detail }))) };
  }
  return review(parsed.data, file, options, cwd, problem);
}

function review(
  record: ExerciseRecord,
  file: string,
  options: ReviewOptions,
  cwd: string,
  problem: (ruleId: RuleId, message: string) => Problem,
): ReviewResult {
  const problems: Problem[] = [];
  let lastDrill: string | undefined;
  let answersFile: string | undefined;
  if (options.answersFile !== undefined) {
    const loaded = loadAnswersFile(options.answersFile, { cwd });
    answersFile = loaded.file;
    if (!loaded.answers) return { problems: loaded.problems };
    lastDrill = loaded.answers.upkeep?.lastDrill;
    if (record.company !== '' && record.company !== loaded.answers.company.name) {
      problems.push(
        problem(
          'review-other-company',
          ruleMessage('review-other-company', { record: record.company, answers: loaded.answers.company.name, file: loaded.file }),
        ),
      );
    }
  }

  const findings = record.review.findings
    .map((f) => ({ gap: oneLine(f.gap), change: oneLine(f.change), owner: oneLine(f.owner), due: f.due }))
    .filter((f) => Object.values(f).some((v) => v !== ''));
  if (findings.length === 0 && oneLine(record.review.wentWell) === '') problems.push(problem('review-empty', ruleMessage('review-empty', {})));
  findings.forEach((f, index) => {
    const missing = [f.gap === '' ? '課題' : '', f.owner === '' ? '担当' : '', f.due === '' ? '期限' : ''].filter(Boolean);
    if (missing.length > 0)
      problems.push(
        problem('review-finding-incomplete', ruleMessage('review-finding-incomplete', { path: `review.findings[${index}]`, missing: missing.join('・') })),
      );
  });

  const newer = lastDrill === undefined || record.date > lastDrill;
  const upkeep: Record<string, unknown> = {};
  if (newer) upkeep.lastDrill = record.date;
  if (findings.length > 0) upkeep.followUps = findings.map((f) => followUp(record.date, f));

  const target = answersFile ?? '回答ファイル（answers/answers.yaml）';
  const lines = [`訓練の記録 ${file}（${record.date}、${record.company || '会社名なし'}）から、${target} に次の変更を反映します。`];
  if (lastDrill !== undefined) {
    lines.push(
      newer ? `upkeep.lastDrill を ${lastDrill} から ${record.date} にします。` : `upkeep.lastDrill（${lastDrill}）はこの訓練の日より新しいので変えません。`,
    );
  }
  if (Object.keys(upkeep).length === 0) {
    lines.push('回答に反映する変更はありません。');
    return { problems, output: lines.join('\n') };
  }
  lines.push(
    'upkeep の下を次のように書き換えます（followUps がすでにあれば、その下に「- drill:」からの項目を足します）。',
    '変更はプルリクエストにして、改訂履歴（revisions）にも1行足し、レビューを受けてから取り込んでください。',
    '',
    stringify({ upkeep }, { lineWidth: 0 }).trimEnd(),
  );
  const changes = findings.filter((f) => f.change !== '');
  if (changes.length > 0)
    lines.push('', `計画の変更が ${changes.length} 件あります。同じプルリクエストで本文か回答の該当箇所を直すか、担当の期限までに直してください。`);
  return { problems, output: lines.join('\n') };
}

function followUp(drill: string, f: ReviewFinding): Record<string, string> {
  const entry: Record<string, string> = { drill, finding: f.gap };
  if (f.change !== '') entry.change = f.change;
  entry.owner = f.owner;
  entry.due = f.due;
  return entry;
}
