/**
 * Prints a check's problems: for people (`file:line:col  エラー  message  rule`), as
 * JSON for tools, and as GitHub Actions annotations so a pull request shows each
 * problem on its line.
 */
import type { Problem } from './catalogue.ts';

const SEVERITY_LABEL = { error: 'エラー', warning: '警告' } as const;

export function formatProblem(problem: Problem): string {
  // A message's further lines (e.g. a parser's own text) follow, indented, after the line with the rule id.
  const [first, ...rest] = problem.message.split('\n');
  const head = `${problem.file}:${problem.line}:${problem.column}  ${SEVERITY_LABEL[problem.severity]}  ${first}  ${problem.ruleId}`;
  return [head, ...rest.map((line) => `    ${line}`)].join('\n');
}

export function formatSummary(errorCount: number, warningCount: number): string {
  if (errorCount === 0 && warningCount === 0) return '問題は見つかりませんでした。';
  return `エラー ${errorCount} 件、警告 ${warningCount} 件`;
}

interface JsonReport {
  tokens: readonly { id: number; file: string; line: number; column: number; resolved: boolean }[];
  problems: readonly Problem[];
}

export function toJson(result: JsonReport): string {
  return JSON.stringify(
    {
      tokens: result.tokens.map(({ id, file, line, column, resolved }) => ({ id, file, line, column, resolved })),
      problems: result.problems.map(({ file, line, column, ruleId, severity, message }) => ({ file, line, column, ruleId, severity, message })),
    },
    null,
    2,
  );
}

/** `::error file=…,line=…,col=…,title=…::message`, escaped as the runner expects. */
export function githubAnnotation(problem: Problem): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${problem.severity} file=${prop(problem.file)},line=${problem.line},col=${problem.column},title=${prop(problem.ruleId)}::${data(problem.message)}`;
}

/** Annotations on `out` (stdout by default) when running in GitHub Actions; nothing elsewhere. */
export function annotateProblems(problems: readonly Problem[], out: (line: string) => void = (line) => console.log(line)): void {
  if (process.env.GITHUB_ACTIONS === 'true') for (const problem of problems) out(githubAnnotation(problem));
}

/**
 * The one reporter every command uses: problems for people on `log` (stderr by default), and as
 * annotations on stdout when running in GitHub Actions.
 */
export function reportProblems(problems: readonly Problem[], log: (line: string) => void = (line) => console.error(line)): void {
  for (const problem of problems) log(formatProblem(problem));
  annotateProblems(problems);
}
