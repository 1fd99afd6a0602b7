/**
 * The words of the wall poster (issue 23), one file per language:
 * `content/kit/poster.<lang>.yaml`, validated here. A company adds a language by adding a
 * file with its own translation; the tool never translates. Values from the answers come
 * in through `{{N}}` (the answer of slot N, in the company's own words) and the plan's
 * version through `{version}` and `{date}`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { formatPath } from '../answers/error-map.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import { offsetOf } from '../yaml/positions.ts';

export const KIT_CONTENT_DIR = 'content/kit';
const POSTER_FILE = /^poster\.([a-z0-9-]+)\.ya?ml$/;
/** `{{4}}`: the answer of slot 4. */
export const SLOT_PLACEHOLDER = /\{\{(\d{1,2})\}\}/g;

const text = z.string().trim().min(1);

export const posterContentSchema = z.strictObject({
  /** Position among the poster's pages. */
  order: z.int().min(1),
  /** The page's `lang` (BCP 47), for fonts and screen readers. */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
  /** The language's name, as its readers write it (shown on the home page). */
  name: text,
  title: text,
  signs: z.strictObject({ heading: text, items: z.array(text).min(2).max(6) }),
  actions: z.strictObject({
    heading: text,
    items: z.array(text).min(3, { error: 'すぐにすることは3〜5件にしてください。' }).max(5, { error: 'すぐにすることは3〜5件にしてください。' }),
  }),
  call: z.strictObject({ heading: text, first: text, second: text, phone: text, mobile: text }),
  /** The plan's version line: `{version}` and `{date}` are filled in. */
  version: text.refine((v) => v.includes('{version}') && v.includes('{date}'), { error: '{version} と {date} を入れてください。' }),
  /** Contact id → the role's name in this language. Default: the role as in the answers. */
  roles: z.record(z.string(), text).optional(),
});

export type PosterContent = z.infer<typeof posterContentSchema> & { id: string; file: string };

function contentProblem(file: string, doc: ReturnType<typeof parseDocument>, counter: LineCounter, fieldPath: readonly PropertyKey[], detail: string): Problem {
  const pos = counter.linePos(offsetOf(doc, fieldPath));
  return {
    file,
    line: pos.line,
    column: pos.col,
    ruleId: 'kit-content-invalid',
    severity: 'error',
    message: ruleMessage('kit-content-invalid', { path: formatPath(fieldPath) || '(ファイル全体)', detail }),
  };
}

/** Every poster language in `content/kit/`, in their `order`. Throws a `ProblemsError` for a broken file. */
export function loadPosters(cwd: string = process.cwd()): PosterContent[] {
  const dir = path.join(cwd, KIT_CONTENT_DIR);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => POSTER_FILE.test(name))
      .sort();
  } catch {
    names = [];
  }
  const problems: Problem[] = [];
  const posters: PosterContent[] = [];
  for (const name of names) {
    const file = path.posix.join(KIT_CONTENT_DIR, name);
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(path.join(dir, name), 'utf8'), { lineCounter: counter });
    if (doc.errors.length > 0) {
      problems.push(contentProblem(file, doc, counter, [], doc.errors[0]!.message.split('\n')[0]!));
      continue;
    }
    const parsed = posterContentSchema.safeParse(doc.toJS());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(contentProblem(file, doc, counter, issue.path, issue.message));
      continue;
    }
    posters.push({ ...parsed.data, id: POSTER_FILE.exec(name)![1]!, file });
  }
  if (problems.length > 0) throw new ProblemsError(problems);
  if (posters.length === 0) {
    throw new ProblemsError([
      {
        file: KIT_CONTENT_DIR,
        line: 1,
        column: 1,
        ruleId: 'kit-content-invalid',
        severity: 'error',
        message: ruleMessage('kit-content-invalid', { path: 'poster.ja.yaml', detail: 'ポスターの文面のファイルがありません。' }),
      },
    ]);
  }
  return posters.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** A piece of poster text: our words, or an answer shown as the company wrote it. */
export type KitPart = string | { answer: string };

/**
 * `{{N}}` replaced by the answers. A slot without an answer is an error at the content
 * file: the poster must never go up with a hole in it.
 */
export function fillSlots(textValue: string, values: ReadonlyMap<number, string>, where: { file: string; path: string }): KitPart[] {
  const parts: KitPart[] = [];
  let last = 0;
  for (const match of textValue.matchAll(SLOT_PLACEHOLDER)) {
    const value = values.get(Number(match[1]));
    if (value === undefined) {
      throw new ProblemsError([
        {
          file: where.file,
          line: 1,
          column: 1,
          ruleId: 'kit-content-invalid',
          severity: 'error',
          message: ruleMessage('kit-content-invalid', {
            path: where.path,
            detail: `差し込み口 ${match[0]} の回答がありません。回答ファイルの slots.${match[1]} に書くか、この行から差し込み口を外してください。`,
          }),
        },
      ]);
    }
    if (match.index > last) parts.push(textValue.slice(last, match.index));
    parts.push({ answer: value });
    last = match.index + match[0].length;
  }
  if (last < textValue.length) parts.push(textValue.slice(last));
  return parts;
}

/**
 * For `bcp check`: the poster files' problems, and every `{{N}}` whose slot has no answer,
 * at its line. None when `content/kit/` does not exist (a check-only folder).
 */
export function checkPosters(cwd: string, values: ReadonlyMap<number, string> | undefined): Problem[] {
  if (!existsSync(path.join(cwd, KIT_CONTENT_DIR))) return [];
  let posters: PosterContent[];
  try {
    posters = loadPosters(cwd);
  } catch (error) {
    if (error instanceof ProblemsError) return [...error.problems];
    throw error;
  }
  if (!values) return [];
  const problems: Problem[] = [];
  for (const poster of posters) {
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(path.join(cwd, poster.file), 'utf8'), { lineCounter: counter });
    for (const part of ['signs', 'actions'] as const) {
      poster[part].items.forEach((item, index) => {
        for (const match of item.matchAll(SLOT_PLACEHOLDER)) {
          if (values.has(Number(match[1]))) continue;
          problems.push(
            contentProblem(
              poster.file,
              doc,
              counter,
              [part, 'items', index],
              `差し込み口 ${match[0]} の回答がありません。回答ファイルの slots.${match[1]} に書くか、この行から差し込み口を外してください。`,
            ),
          );
        }
      });
    }
  }
  return problems;
}
