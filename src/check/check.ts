/**
 * `bcp check`: validates the answers and scans the content for slots, reporting every
 * problem of the run together. The site build runs this first and stops on errors.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { DEFAULT_ANSWERS_FILE, EXAMPLE_ANSWERS_FILE } from '../answers/files.ts';
import type { LoadedAnswers } from '../answers/load.ts';
import { resolveToday, type Today } from '../answers/due.ts';
import type { Answers } from '../answers/schema.ts';
import type { SlotValues } from '../answers/values.ts';
import { ruleMessage, type Problem, type RuleId } from '../errors/catalogue.ts';
import { scanMarkers } from '../slots/syntax.ts';
import { CURRENT_TEMPLATE_VERSION, slotsOf } from '../slots/template.ts';
import { scanFiles } from './scan.ts';
import { bundledToolFingerprint, ScanCache } from './scan-cache.ts';
import { checkInputsKey, readReport, writeReport, type CheckReport } from './report-cache.ts';
import { SourceCache } from './source-cache.ts';

type Loaders = Awaited<ReturnType<typeof loaders>>;

/**
 * The loaders (YAML, zod and the rules) are imported on first use: a `bcp check` answered by
 * the report cache never needs them, and they are most of the code it would load.
 */
async function loaders() {
  const [load, rules, unchanged, values, glossary, guidelines, checklists, kit] = await Promise.all([
    import('../answers/load.ts'),
    import('../answers/rules/index.ts'),
    import('../answers/rules/unchanged-sample.ts'),
    import('../answers/values.ts'),
    import('../glossary/load.ts'),
    import('../guidelines/load.ts'),
    import('../collections/checklists.ts'),
    import('../kit/content.ts'),
  ]);
  return {
    loadAnswersFile: load.loadAnswersFile,
    checkAnswerRules: rules.checkAnswerRules,
    unchangedSampleRules: unchanged.unchangedSampleRules,
    slotValues: values.slotValues,
    GLOSSARY_FILE: glossary.GLOSSARY_FILE,
    loadGlossary: glossary.loadGlossary,
    AUTOMOTIVE_FILE: guidelines.AUTOMOTIVE_FILE,
    IPA_RESPONSE_FILE: guidelines.IPA_RESPONSE_FILE,
    loadGuidelines: guidelines.loadGuidelines,
    CHECKLIST_DIR: checklists.CHECKLIST_DIR,
    CHECKLIST_IDS: checklists.CHECKLIST_IDS,
    checkChecklists: checklists.checkChecklists,
    checkPosters: kit.checkPosters,
  };
}

export const CONTENT_DIR = 'content';

export interface CheckOptions {
  /** Answers file. Default: `answers/answers.yaml`. */
  answersFile?: string;
  /** Files or folders to scan. Default: the whole `content/` folder. */
  paths?: readonly string[];
  /** Working directory; reported paths are relative to it. Default: `process.cwd()`. */
  cwd?: string;
  /** YYYY-MM-DD the due dates count from (`--today`). Default: the answers' `upkeep.asOf`, else today in Japan. */
  today?: string;
  /**
   * The caches (`.cache/check/`): the tool fingerprint they are keyed on, or false for none.
   * Default: the bundled CLI's fingerprint; no cache when running from the sources.
   */
  cache?: { tool: string } | false;
}

export interface Token {
  id: number;
  file: string;
  line: number;
  column: number;
  resolved: boolean;
}

export interface CheckResult {
  answers?: Answers;
  values?: SlotValues;
  loaded: LoadedAnswers;
  /** The date due dates were counted from; the build passes it on to the pages. */
  today: Today;
  tokens: Token[];
  problems: Problem[];
  errorCount: number;
  warningCount: number;
}

/**
 * What `bcp check` prints: from the report cache (report-cache.ts) when nothing a check of
 * the whole content reads has changed since the last one, else a fresh `runCheck`.
 */
export async function checkReport(options: CheckOptions = {}): Promise<CheckReport> {
  const cwd = options.cwd ?? process.cwd();
  const tool = toolOf(options);
  const explicit = options.paths !== undefined && options.paths.length > 0;
  const inputs = { answersFile: options.answersFile ?? DEFAULT_ANSWERS_FILE, exampleFile: EXAMPLE_ANSWERS_FILE, today: options.today };
  const keyOf = (t: string) => {
    try {
      return checkInputsKey(cwd, { tool: t, ...inputs });
    } catch {
      return undefined; // e.g. a broken link under content/: the check itself reports what it can
    }
  };
  const key = tool && !explicit ? keyOf(tool) : undefined;
  const cached = key ? readReport(cwd, key) : undefined;
  if (cached) return cached;
  const result = await runCheck(options);
  // Only when the inputs did not change during the check: else the report is of other inputs.
  if (key && tool && keyOf(tool) === key) writeReport(cwd, key, result);
  return result;
}

function toolOf(options: CheckOptions): string | undefined {
  return options.cache === undefined ? bundledToolFingerprint() : options.cache ? options.cache.tool : undefined;
}

export async function runCheck(options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const {
    loadAnswersFile,
    slotValues,
    CHECKLIST_DIR,
    CHECKLIST_IDS,
    checkChecklists,
    checkPosters,
    GLOSSARY_FILE,
    loadGlossary,
    AUTOMOTIVE_FILE,
    IPA_RESPONSE_FILE,
    loadGuidelines,
    checkAnswerRules,
    unchangedSampleRules,
  } = await loaders();
  const loaded = loadAnswersFile(options.answersFile ?? DEFAULT_ANSWERS_FILE, { cwd });
  const values = loaded.answers ? slotValues(loaded.answers) : undefined;
  const explicit = options.paths !== undefined && options.paths.length > 0;
  const { files, missing } = await contentFiles(explicit ? options.paths! : [CONTENT_DIR], cwd);
  const slotOptions = {
    values,
    answersFile: loaded.file,
    answerPlace: (id: number) => answerPlace(loaded, id),
    templateVersion: CURRENT_TEMPLATE_VERSION,
  };
  const tool = toolOf(options);
  const scanCache = tool ? new ScanCache(cwd, tool, slotOptions) : undefined;
  // The glossary step of the build runs in the scan too (parse.ts), with the project's terms.
  const glossaryFile = path.resolve(cwd, GLOSSARY_FILE);
  const glossary = existsSync(glossaryFile) ? loadGlossary(GLOSSARY_FILE, { cwd }).terms : undefined;
  const vfiles = await scanFiles(files, { cwd, cache: scanCache, glossary, ...slotOptions });

  const tokens = vfiles.flatMap((file) => (file.data.bcpSlots ?? []).map((slot) => ({ file: file.path, ...slot })));
  const problems = [...missing.map(missingPath), ...loaded.problems, ...vfiles.flatMap(problemsOf)];
  // The checklists are content with slots too (content/checklists/*.yaml). Their slots are
  // not template places, so they stay out of `tokens` (the plan's 22).
  // The checklists, glossary and guideline tables read only the files named below (and the
  // checklists the slot values), so their problems can be kept by those texts.
  const sources = tool ? new SourceCache(cwd, tool) : undefined;
  const kept = (name: string, inputs: () => string[], load: () => Problem[], extra?: string) =>
    sources ? sources.problems(name, inputs, load, extra) : load();
  if (!explicit && existsSync(path.resolve(cwd, CHECKLIST_DIR))) {
    const inputs = () => [
      ...CHECKLIST_IDS.map((id) => path.join(CHECKLIST_DIR, `${id}.yaml`)),
      // The plan's section numbers (planSectionNumbers) come from these.
      ...readdirSync(path.resolve(cwd, CONTENT_DIR, 'plan'))
        .filter((name) => name.endsWith('.mdx'))
        .sort()
        .map((name) => path.join(CONTENT_DIR, 'plan', name)),
    ];
    const load = () => checkChecklists({ cwd, values, answersFile: loaded.file }).problems;
    problems.push(...kept('checklists', inputs, load, JSON.stringify([loaded.file, values ? [...values] : null])));
  }
  // Whether an answer is unused can only be told from the whole content.
  // A file that failed to parse may use any slot it spells: none of those is called unused.
  const unparsed = vfiles.filter((file) => file.messages.some((m) => m.ruleId === 'content-syntax'));
  const spelled = unparsed.flatMap((file) => scanMarkers(String(file.value)).markers.map((m) => m.id));
  if (loaded.answers && values && !explicit) problems.push(...unusedAnswers(loaded, values, [...tokens, ...spelled.map((id) => ({ id }))]));
  // The glossary is content too (the site links its terms on every page); a project
  // without one, such as a check-only folder, has nothing to check.
  if (!explicit && existsSync(path.resolve(cwd, GLOSSARY_FILE)))
    problems.push(
      ...kept(
        'glossary',
        () => [GLOSSARY_FILE],
        () => loadGlossary(GLOSSARY_FILE, { cwd }).problems,
      ),
    );
  if (!explicit && existsSync(path.resolve(cwd, AUTOMOTIVE_FILE)))
    problems.push(
      ...kept(
        'guidelines',
        () => [AUTOMOTIVE_FILE, IPA_RESPONSE_FILE],
        () => loadGuidelines(cwd).problems,
      ),
    );
  // <issue 20>: the reporting-duties table, content like the guideline tables.
  const duties = await import('../guidelines/reporting-duties.ts');
  if (!explicit && existsSync(path.resolve(cwd, duties.REPORTING_DUTIES_FILE)))
    problems.push(
      ...kept(
        'reporting-duties',
        () => [duties.REPORTING_DUTIES_FILE],
        () => duties.loadReportingDuties(cwd).problems,
      ),
    );
  // Issue 23: the wall poster's words (content/kit/), whose {{N}} take answers.
  if (!explicit) problems.push(...checkPosters(cwd, values));
  sources?.save();
  problems.push(...checkAnswerRules(loaded, { today: options.today }));
  // Staff details in the plan's own text would reach the public site as written.
  if (loaded.answers) {
    const { contentDataFiles, personalDataInContent } = await import('./personal-content.ts');
    const data = explicit ? [] : await contentDataFiles(path.resolve(cwd, CONTENT_DIR));
    problems.push(...(await personalDataInContent([...files, ...data], cwd, loaded.answers)));
  }
  problems.push(...unchangedSamples(loaded, cwd, options.today, loadAnswersFile, unchangedSampleRules));
  problems.sort(byPosition);
  return {
    answers: loaded.answers,
    values,
    loaded,
    today: resolveToday(loaded.answers, options.today),
    tokens,
    problems,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
  };
}

function problemsOf(file: VFile): Problem[] {
  return file.messages.map((message) => ({
    file: file.path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    ruleId: (message.ruleId ?? 'content-syntax') as RuleId,
    severity: message.fatal ? 'error' : 'warning',
    message: message.reason,
  }));
}

function unusedAnswers(loaded: LoadedAnswers, values: SlotValues, tokens: readonly Pick<Token, 'id'>[]): Problem[] {
  const used = new Set(tokens.map((t) => t.id));
  return (
    slotsOf()
      // 11 and 12 come from a contact that the contact list shows anyway: never "unused".
      .filter((slot) => slot.answerPath.startsWith('slots.') && values.has(slot.id) && !used.has(slot.id))
      .map((slot) => ({
        file: loaded.file,
        ...loaded.locate(['slots', slot.id], true),
        ruleId: 'unused-answer' as const,
        severity: 'warning' as const,
        message: ruleMessage('unused-answer', { answerPath: slot.answerPath, marker: `#${slot.id}#` }),
      }))
  );
}

/** 「見本のまま」 against the template and, when the project keeps it, the example company. */
function unchangedSamples(
  loaded: LoadedAnswers,
  cwd: string,
  today: string | undefined,
  loadAnswersFile: Loaders['loadAnswersFile'],
  unchangedSampleRules: Loaders['unchangedSampleRules'],
): Problem[] {
  if (!loaded.answers) return [];
  const examplePath = path.resolve(cwd, EXAMPLE_ANSWERS_FILE);
  const isExample = path.resolve(cwd, loaded.file) === examplePath;
  const example = !isExample && existsSync(examplePath) ? loadAnswersFile(examplePath, { cwd }).answers : undefined;
  const context = { answers: loaded.answers, file: loaded.file, locate: loaded.locate, today: resolveToday(loaded.answers, today) };
  return unchangedSampleRules(context, example);
}

/**
 * Where a missing slot answer goes: after the nearest lower slot the file has, else
 * under `slots:`. Undefined when the file has no `slots:` or the answer is not a slot.
 */
export function answerPlace(loaded: LoadedAnswers, id: number): string | undefined {
  const written = loaded.answers?.slots;
  if (!written || !slotsOf().some((slot) => slot.id === id && slot.answerPath === `slots.${id}`)) return undefined;
  const before = Object.keys(written)
    .map(Number)
    .filter((n) => n < id)
    .sort((a, b) => b - a)[0];
  if (before === undefined) {
    const at = loaded.locate(['slots'], true);
    return `${at.file ?? loaded.file}:${at.line}:${at.column}（\`slots:\` の下）`;
  }
  const at = loaded.locate(['slots', before], true);
  return `${at.file ?? loaded.file}:${at.line}:${at.column}（\`slots.${before}\` の次）`;
}

function missingPath(target: string): Problem {
  return {
    file: target,
    line: 1,
    column: 1,
    ruleId: 'check-path-not-found',
    severity: 'error',
    message: ruleMessage('check-path-not-found', { path: target }),
  };
}

function byPosition(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** The .md/.mdx files under the given files or folders, sorted for stable output, and the paths that do not exist. */
async function contentFiles(paths: readonly string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const found: string[] = [];
  const missing: string[] = [];
  const visit = async (target: string) => {
    const info = await stat(target);
    if (info.isDirectory()) {
      for (const entry of await readdir(target)) await visit(path.join(target, entry));
    } else if (/\.mdx?$/i.test(target)) {
      found.push(target);
    }
  };
  for (const p of paths) {
    if (existsSync(path.resolve(cwd, p))) await visit(path.resolve(cwd, p));
    else missing.push(p);
  }
  return { files: found.sort(), missing };
}
