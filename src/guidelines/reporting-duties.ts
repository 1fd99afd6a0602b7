/**
 * The 「いつ・どこへ・何を」 table (content/guidelines/reporting-duties.yaml): whom to tell of
 * an incident, by when and with what, and whether the law, a contract or only good practice
 * asks for it. Validated here with every problem located at its field; `bcp check` reports
 * them, and the pages (ReportingDuties.astro, on the contacts page and in the binder) call
 * `requireReportingDuties()`.
 */
import path from 'node:path';
import { z } from 'zod';
import { formatPath, zodErrorMap } from '../answers/error-map.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import { loadDataFile, type Position } from '../yaml/data-file.ts';

export const REPORTING_DUTIES_FILE = 'content/guidelines/reporting-duties.yaml';

export const DUTY_KINDS = ['法令の義務', '契約による義務', '任意（強く勧める）'] as const;

const line = z.string().trim().min(1, { error: '空です。' });

const dutySchema = z.strictObject({
  /** Stable, for anchors and tests. */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: '英小文字・数字・ハイフンで書いてください。' }),
  /** Whom to tell. */
  to: line,
  /** When the duty arises and by when, one line each. */
  when: z.array(line).min(1, { error: '期限を1行以上書いてください。' }),
  /** What to tell them. */
  what: z.array(line).min(1, { error: '伝えることを1行以上書いてください。' }),
  kind: z.enum(DUTY_KINDS, { error: `${DUTY_KINDS.join('・')} のどれかを書いてください。` }),
  /** A note under the row (who decides, what counts). */
  note: line.optional(),
  /** The public window (src/site/public-windows.ts) the row refers to. */
  window: z.string().min(1).optional(),
  /** A slot whose answer (a duration) ends the last `when` line, followed by 「に」. */
  whenSlot: z.int().min(1).max(18).optional(),
});

export const reportingDutiesSchema = z
  .strictObject({
    /** When the facts were last checked against the law and the windows' pages. */
    asOf: line,
    duties: z.array(dutySchema).min(1),
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.duties.forEach((duty, index) => {
      if (seen.has(duty.id)) ctx.addIssue({ code: 'custom', path: ['duties', index, 'id'], message: `id「${duty.id}」が重複しています。` });
      seen.add(duty.id);
    });
  });

export type ReportingDuties = z.infer<typeof reportingDutiesSchema>;
export type ReportingDuty = ReportingDuties['duties'][number];

export function loadReportingDuties(cwd: string = process.cwd()): { duties?: ReportingDuties; problems: Problem[] } {
  const file = REPORTING_DUTIES_FILE;
  const problem = (field: string, detail: string, at: Position): Problem => ({
    file,
    ...at,
    ruleId: 'reporting-duties-invalid',
    severity: 'error',
    message: ruleMessage('reporting-duties-invalid', { path: field, detail }),
  });
  const parsed = loadDataFile(path.resolve(cwd, file), reportingDutiesSchema, { formatPath, errorMap: zodErrorMap, problem });
  return { duties: parsed.data, problems: parsed.problems };
}

let cached: ReportingDuties | undefined;

/** The validated table, or a thrown report of every problem (for the pages). */
export function requireReportingDuties(): ReportingDuties {
  if (cached) return cached;
  const loaded = loadReportingDuties();
  if (!loaded.duties) throw new ProblemsError(loaded.problems);
  cached = loaded.duties;
  return cached;
}
