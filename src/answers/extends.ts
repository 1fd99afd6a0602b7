/**
 * `extends:` in an answers file: a plan of a multi-plan project (plans/<id>/answers.yaml)
 * names a shared base file (e.g. `extends: ../base.yaml`, relative to the plan file) and
 * overrides it key by key.
 *
 * Merge rule: maps are merged key by key, recursively; `contacts` is merged on each
 * contact's `id` (a plan overrides a shared contact by writing its id, and adds its own;
 * it cannot drop a shared one); anything else (a scalar, any other list, `null`) in the
 * plan replaces the base's value whole.
 *
 * Each value is located in the file that holds it: a path the plan writes points into the
 * plan, a path only the base writes points into the base (the `file` in `locate`'s answer).
 * One level only: a base cannot extend another file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ruleMessage, ruleSeverity, type Problem } from '../errors/catalogue.ts';
import { nodeAt, offsetOf } from '../yaml/positions.ts';

export const EXTENDS_KEY = 'extends';

export type Position = { line: number; column: number; file?: string };

export interface ExtendsInput {
  /** The plan's parsed data (with its `extends` key). */
  data: Record<string, unknown>;
  doc: Document;
  lineCounter: LineCounter;
  /** The plan file as reported (relative to cwd). */
  file: string;
  cwd: string;
  /** Reads the base file (absolute path); default: from disk. `bcp revisions` reads it from git. */
  readText?: (absolute: string) => string;
}

export interface ExtendsResult {
  data?: Record<string, unknown>;
  locate?: (fieldPath: readonly PropertyKey[], onKey?: boolean) => Position;
  problems: Problem[];
  /** The base file as reported, when one was read. */
  baseFile?: string;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Lists merged item by item on their `id` rather than replaced (top-level keys). */
export const MERGED_BY_ID = new Set(['contacts']);

/** Where each item of a list merged by id came from: its index in the base and in the plan. */
type Origins = Map<string, { base?: number; plan?: number }[]>;

const withIds = (list: unknown): list is Record<string, unknown>[] =>
  Array.isArray(list) && list.every((item) => isPlainObject(item) && typeof item.id === 'string');

/**
 * Maps merged key by key; a list in MERGED_BY_ID merged on `id` (the base's items in their
 * order, each overridden by the plan's item of the same id, then the plan's new items);
 * anything else in `over` replaces `base`.
 */
export function mergeAnswers(base: unknown, over: unknown, at: readonly PropertyKey[] = [], origins: Origins = new Map()): unknown {
  if (at.length === 1 && MERGED_BY_ID.has(String(at[0])) && withIds(base) && withIds(over)) {
    const list: unknown[] = [];
    const from: { base?: number; plan?: number }[] = [];
    base.forEach((item, i) => {
      const j = over.findIndex((o) => o.id === item.id);
      list.push(j === -1 ? item : mergeAnswers(item, over[j], [...at, list.length]));
      from.push(j === -1 ? { base: i } : { base: i, plan: j });
    });
    over.forEach((item, j) => {
      if (base.some((b) => b.id === item.id)) return;
      list.push(item);
      from.push({ plan: j });
    });
    origins.set(JSON.stringify(at), from);
    return list;
  }
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeAnswers(base[key], value, [...at, key], origins);
  return merged;
}

/** The path as written in one file (`side`), translating merged list indexes; undefined past a step that file lacks. */
function pathIn(fieldPath: readonly PropertyKey[], side: 'base' | 'plan', origins: Origins): readonly PropertyKey[] {
  const out: PropertyKey[] = [];
  for (const step of fieldPath) {
    const from = origins.get(JSON.stringify(out));
    if (from && typeof step === 'number') {
      const index = from[step]?.[side];
      // Not in this file: a path that stops here, one step short of the field.
      if (index === undefined) return [...out, -1];
      out.push(index);
    } else out.push(step);
  }
  return out;
}

/** How many steps of `fieldPath` the document has. */
function depthIn(doc: Document, fieldPath: readonly PropertyKey[]): number {
  for (let n = fieldPath.length; n > 0; n--) if (nodeAt(doc, fieldPath.slice(0, n))) return n;
  return 0;
}

export function resolveExtends(input: ExtendsInput): ExtendsResult {
  const { data, doc, lineCounter, file, cwd } = input;
  const planPos = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const at = offsetOf(doc, [EXTENDS_KEY]);
  const fail = (reason: string, where: Problem['file'] = file, pos = planPos(at)): ExtendsResult => ({
    problems: [
      {
        file: where,
        ...pos,
        ruleId: 'plan-extends-invalid',
        severity: ruleSeverity('plan-extends-invalid'),
        message: ruleMessage('plan-extends-invalid', { reason }),
      },
    ],
  });
  const target = data[EXTENDS_KEY];
  if (typeof target !== 'string' || target.trim() === '') return fail('extends には、共通の回答ファイルへのパスを文字列で書いてください（例: ../base.yaml）');
  const absolute = path.resolve(cwd, path.dirname(file), target);
  const baseFile = path.relative(cwd, absolute) || target;
  let text: string;
  try {
    text = (input.readText ?? ((f: string) => readFileSync(f, 'utf8')))(absolute);
  } catch {
    return fail(`共通の回答ファイル ${baseFile} が見つかりません。パスはこのファイルのある場所から数えます`);
  }
  const baseLines = new LineCounter();
  const baseDoc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: baseLines, prettyErrors: false, uniqueKeys: true });
  const basePos = (offset: number) => {
    const pos = baseLines.linePos(offset);
    return { file: baseFile, line: pos.line, column: pos.col };
  };
  if (baseDoc.errors.length > 0) {
    const first = baseDoc.errors[0]!;
    return { ...fail(`YAML として読めません（${first.code}）。その行を直してください`, baseFile, basePos(first.pos[0])), baseFile };
  }
  let base: unknown;
  try {
    base = baseDoc.toJS({ maxAliasCount: 50 });
  } catch {
    return { ...fail('別名（*name）を解決できません', baseFile, basePos(0)), baseFile };
  }
  if (base === null || base === undefined) base = {};
  if (!isPlainObject(base)) return { ...fail('共通の回答ファイルは「キー: 値」の集まりにしてください', baseFile, basePos(0)), baseFile };
  if (EXTENDS_KEY in base) {
    return {
      ...fail(
        '共通の回答ファイルがさらに extends を使っています。共通のファイルは1段だけにしてください',
        baseFile,
        basePos(offsetOf(baseDoc, [EXTENDS_KEY], true)),
      ),
      baseFile,
    };
  }
  const { [EXTENDS_KEY]: _omit, ...own } = data;
  const origins: Origins = new Map();
  const merged = mergeAnswers(base, own, [], origins) as Record<string, unknown>;
  const locate = (fieldPath: readonly PropertyKey[], onKey = false): Position => {
    const planPath = pathIn(fieldPath, 'plan', origins);
    const basePath = pathIn(fieldPath, 'base', origins);
    const inPlan = depthIn(doc, planPath);
    const inBase = depthIn(baseDoc, basePath);
    // The plan wins a tie: it is the file a person edits for this plan.
    if (inBase > inPlan) return basePos(offsetOf(baseDoc, basePath, onKey));
    return planPos(offsetOf(doc, planPath, onKey));
  };
  return { data: merged, locate, problems: [], baseFile };
}
