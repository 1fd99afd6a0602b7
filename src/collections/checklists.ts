/**
 * The checklists as content: `content/checklists/<id>.yaml`, validated by zod, with the
 * company's values written as the plan's own slots (`#3#情報セキュリティ担当者#3#`).
 *
 * Loading reports every problem as a `Problem` with the YAML line and column, like the
 * glossary; `bcp check` adds the slot problems (unknown slot, missing answer) found by
 * the same marker scanner the plan uses. Pages turn the content into `Checklist` data
 * with `resolveChecklist()`; answers only ever become `{ answer }` parts, never markup.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
// Plain zod (the version astro/zod re-exports): `bcp check` loads this without Astro.
import type { Heading, Nodes as MdastNodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse } from 'yaml';
import { z } from 'zod';
import { formatPath, zodErrorMap } from '../answers/error-map.ts';
import type { SlotValues } from '../answers/values.ts';
import { ruleMessage, ruleSeverity, type Problem, type RuleId } from '../errors/catalogue.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import { pairSlots, scanMarkers } from '../slots/syntax.ts';
import { CURRENT_TEMPLATE_VERSION, slotById, slotsOf } from '../slots/template.ts';
import { loadDataFile, parseDataFile, type DataFileWording, type ParsedDataFile } from '../yaml/data-file.ts';
import { sectionsFromHeadings, type ChapterHeadings } from './plan-sections.ts';
import { PLAN_SECTION_NUMBER } from './threat-entry.ts';

export const CHECKLIST_DIR = 'content/checklists';
export const CHECKLIST_IDS = ['incident', 'readiness', 'upkeep'] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

/**
 * Items repeated once per value in the answers, and the `{name}` placeholders each offers.
 * Every generator also offers the plain item placeholders (`responderNote`).
 */
export const GENERATORS = {
  /** Entries closed first (assessed 4, 3 or BAD): `{nn}` `{entry}` `{level}` `{isolation}` `{issue}`. */
  'high-risk-entry': ['nn', 'entry', 'level', 'isolation', 'issue'],
  /** Entries assessed BAD (still to be looked into). */
  'unknown-entry': ['nn', 'entry', 'level', 'isolation', 'issue'],
  /** Systems that collect logs (slots.6): `{n}` `{system}`. */
  'log-system': ['n', 'system'],
  /** Hops of the report route (slots.8): `{n}` `{from}` `{to}`; the last hop takes `lastTarget`. */
  'route-hop': ['n', 'from', 'to'],
  /** The contact list: `{contactId}` `{contactRole}`. */
  contact: ['contactId', 'contactRole'],
} as const;
export type GeneratorName = keyof typeof GENERATORS;

/** Placeholders any item may use; a field whose placeholder has no value is left out. */
export const ITEM_PLACEHOLDERS = ['responderNote'] as const;

/** Pages an item may link to, by name (resolved to site files by the page). */
export const LINK_PAGES = ['contacts', 'threats', 'plan', 'incident', 'readiness', 'upkeep', 'bia'] as const;

const ID = /^[a-z0-9{}]+(-[a-z0-9{}A-Z]+)*$/;
const planNumber = z.string().regex(PLAN_SECTION_NUMBER).or(z.string().regex(/^\d+$/));

const itemSchema = z.strictObject({
  each: z.enum(Object.keys(GENERATORS) as [GeneratorName, ...GeneratorName[]]).optional(),
  /** Stable: the anchor and the key in a saved incident record. */
  id: z.string().regex(ID),
  text: z.string().min(1),
  role: z.string().min(1).optional(),
  target: z.string().min(1).optional(),
  /** `route-hop` only: the target of the last hop. */
  lastTarget: z.string().min(1).optional(),
  detail: z.string().min(1).optional(),
  plan: planNumber.optional(),
  threats: z.array(z.number().int().min(1).max(13)).optional(),
  link: z.strictObject({ page: z.enum(LINK_PAGES), anchor: z.string().min(1).optional(), label: z.string().min(1) }).optional(),
  /** Show the public consulting and reporting windows under this item. */
  windows: z.literal(true).optional(),
});

const phaseSchema = z.strictObject({
  id: z.string().regex(ID),
  title: z.string().min(1),
  plan: planNumber.optional(),
  items: z.array(itemSchema).min(1),
});

export const checklistContentSchema = z
  .strictObject({
    title: z.string().min(1),
    phases: z.array(phaseSchema).min(1),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.phases.forEach((phase, p) =>
      phase.items.forEach((item, i) => {
        const at = ['phases', p, 'items', i];
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `id「${item.id}」が重複しています。` });
        seen.add(item.id);
        const allowed = new Set<string>([...ITEM_PLACEHOLDERS, ...(item.each ? GENERATORS[item.each] : [])]);
        for (const [key, value] of Object.entries(item)) {
          const text = typeof value === 'string' ? value : key === 'link' ? JSON.stringify(value) : '';
          for (const [, name] of text.matchAll(/\{([A-Za-z]+)\}/g)) {
            if (!allowed.has(name!)) {
              ctx.addIssue({
                code: 'custom',
                path: [...at, key],
                message: `差し込み口 {${name}} はこの項目では使えません（使えるもの: ${[...allowed].map((n) => `{${n}}`).join(' ')}）。`,
              });
            }
          }
        }
        if (item.each && !/\{[A-Za-z]+\}/.test(item.id)) {
          ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: 'each の項目の id には、項目ごとに変わる差し込み口（{n} など）を入れてください。' });
        }
        if (item.lastTarget && item.each !== 'route-hop') {
          ctx.addIssue({ code: 'custom', path: [...at, 'lastTarget'], message: 'lastTarget は each: route-hop の項目だけで使えます。' });
        }
      }),
    );
  });

export type ChecklistContent = z.infer<typeof checklistContentSchema>;
export type ChecklistContentItem = ChecklistContent['phases'][number]['items'][number];

export interface LoadedChecklist {
  id: ChecklistId;
  file: string;
  content?: ChecklistContent;
  problems: Problem[];
  /** Line and column of a string field, by its path in the file; for slot reports. */
  locate: (fieldPath: readonly (string | number)[], index: number) => { line: number; column: number };
}

function problem(file: string, ruleId: RuleId, message: string, pos: { line: number; column: number }): Problem {
  return { file, ...pos, ruleId, severity: ruleSeverity(ruleId), message };
}

function wording(file: string): DataFileWording {
  return {
    formatPath,
    errorMap: zodErrorMap,
    problem: (field, detail, at) => problem(file, 'checklist-invalid', ruleMessage('checklist-invalid', { path: field, detail }), at),
  };
}

function loaded(id: ChecklistId, file: string, parsed: ParsedDataFile<ChecklistContent>): LoadedChecklist {
  return { id, file, ...(parsed.data ? { content: parsed.data } : {}), problems: parsed.problems, locate: parsed.locateInString };
}

/** Validates one checklist file given as text; `file` is only used in the reports. */
export function parseChecklist(id: ChecklistId, text: string, file: string): LoadedChecklist {
  return loaded(id, file, parseDataFile(text, checklistContentSchema, wording(file)));
}

export function loadChecklist(id: ChecklistId, options: { cwd?: string; dir?: string } = {}): LoadedChecklist {
  const cwd = options.cwd ?? process.cwd();
  const full = path.resolve(cwd, options.dir ?? CHECKLIST_DIR, `${id}.yaml`);
  const file = path.relative(cwd, full);
  return loaded(id, file, loadDataFile(full, checklistContentSchema, wording(file)));
}

/** One piece of resolved text: our words, or a value from the answers. */
/** `phone`: the answer is a phone number (slot 12), shown as a tap-to-call link. */
export type ResolvedPart = string | { answer: string; phone?: boolean };

export interface SlotSpan {
  id: number;
  /** Offset of the opening marker in the string. */
  start: number;
  end: number;
}

/** The slots of one string: pairs of markers with the same number, and problems in between. */
export function slotSpans(text: string): { spans: SlotSpan[]; errors: Array<{ ruleId: RuleId; message: string; index: number }> } {
  const { markers, halves } = scanMarkers(text);
  const spans: SlotSpan[] = [];
  const errors: Array<{ ruleId: RuleId; message: string; index: number }> = [];
  const version = CURRENT_TEMPLATE_VERSION;
  // The same pairing as the plan's slots (src/slots/syntax.ts): a lone `#12` is text here too.
  const pairing = pairSlots(
    markers,
    halves,
    (m) => m,
    (h) => h.raw,
  );
  for (const { half, marker } of pairing.broken)
    errors.push({ ruleId: 'half-marker', index: half.start, message: ruleMessage('half-marker', { raw: half.raw, marker }) });
  for (const m of pairing.outOfRange)
    errors.push({ ruleId: 'malformed-marker', index: m.start, message: ruleMessage('malformed-marker', { raw: m.raw, reason: '番号が 1〜99 の外です' }) });
  for (const { open, next } of pairing.unclosed)
    errors.push({ ruleId: 'unclosed-slot', index: open.start, message: ruleMessage('unclosed-slot', { marker: open.canonical, next: next?.canonical }) });
  for (const [open, close] of pairing.pairs) {
    if (!slotById(open.id, version)) {
      const known = slotsOf(version).map((s) => s.id);
      errors.push({
        ruleId: 'unknown-slot',
        index: open.start,
        message: ruleMessage('unknown-slot', { marker: open.canonical, version, known: `#${known[0]}#〜#${known[known.length - 1]}#` }),
      });
    }
    for (const m of [open, close]) {
      if (m.nonstandard)
        errors.push({ ruleId: 'nonstandard-marker', index: m.start, message: ruleMessage('nonstandard-marker', { raw: m.raw, canonical: m.canonical }) });
    }
    spans.push({ id: open.id, start: open.start, end: close.end });
  }
  errors.sort((x, y) => x.index - y.index);
  return { spans, errors };
}

/** Every string field of a checklist with its path, for the slot scan. */
function* stringFields(content: ChecklistContent): Generator<{ path: (string | number)[]; text: string }> {
  for (const [p, phase] of content.phases.entries()) {
    yield { path: ['phases', p, 'title'], text: phase.title };
    for (const [i, item] of phase.items.entries()) {
      for (const key of ['text', 'role', 'target', 'lastTarget', 'detail'] as const) {
        const text = item[key];
        if (text) yield { path: ['phases', p, 'items', i, key], text };
      }
    }
  }
}

export interface ChecklistSlotUse {
  id: number;
  file: string;
  line: number;
  column: number;
  resolved: boolean;
}

/**
 * The slot problems of a loaded checklist: marker errors, and with `values`, slots
 * without an answer. Same rule ids and messages as the plan's slots.
 */
export function checklistSlotProblems(
  loaded: LoadedChecklist,
  options: { values?: SlotValues; answersFile?: string } = {},
): { problems: Problem[]; uses: ChecklistSlotUse[] } {
  const problems: Problem[] = [];
  const uses: ChecklistSlotUse[] = [];
  if (!loaded.content) return { problems, uses };
  for (const field of stringFields(loaded.content)) {
    const { spans, errors } = slotSpans(field.text);
    for (const error of errors) problems.push(problem(loaded.file, error.ruleId, error.message, loaded.locate(field.path, error.index)));
    for (const span of spans) {
      const slot = slotById(span.id);
      const pos = loaded.locate(field.path, span.start);
      const resolved = options.values?.has(span.id) ?? false;
      uses.push({ id: span.id, file: loaded.file, ...pos, resolved });
      if (slot && options.values && !resolved) {
        problems.push(
          problem(
            loaded.file,
            'missing-answer',
            ruleMessage('missing-answer', {
              marker: `#${slot.id}#`,
              label: slot.label,
              question: slot.question,
              answerPath: slot.answerPath,
              answersFile: options.answersFile ?? 'answers/answers.yaml',
            }),
            pos,
          ),
        );
      }
    }
  }
  return { problems, uses };
}

/** The text of a heading, as the reader sees it (markers and emphasis included, markup dropped). */
function headingText(node: MdastNodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'yaml') return node.value;
  return 'children' in node ? (node.children as MdastNodes[]).map(headingText).join('') : '';
}

/**
 * The plan's section numbers (`3`, `3.1`, `3.1.4`) from the parsed chapter files: their
 * frontmatter's chapter and their h3/h4 headings, numbered by the one function that numbers
 * the rendered plan (plan-sections.ts). So `bcp check` can point at a checklist line that
 * names a section the plan does not have, with no second reading of the headings.
 */
export function planSectionNumbers(cwd: string = process.cwd()): Set<string> {
  const dir = path.resolve(cwd, 'content', 'plan');
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);
  const chapters: ChapterHeadings[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const tree = processor.parse(readFileSync(path.join(dir, name), 'utf8')) as Root;
    const front = tree.children.find((node) => node.type === 'yaml');
    const chapter = Number((parse(front?.type === 'yaml' ? front.value : '') as { chapter?: unknown } | null)?.chapter);
    if (!Number.isInteger(chapter)) continue;
    const headings = tree.children
      .filter((node): node is Heading => node.type === 'heading' && (node.depth === 3 || node.depth === 4))
      .map((heading, i) => ({ depth: heading.depth, slug: `${chapter}-${i}`, text: headingText(heading) }));
    chapters.push({ chapter, id: `chapter-${chapter}`, title: '', filePath: path.join('content', 'plan', name), headings });
  }
  return new Set(sectionsFromHeadings(chapters).keys());
}

/** Plan references (`plan:`) that name no section of the plan. */
export function unknownPlanSections(loaded: LoadedChecklist, known: ReadonlySet<string>): Problem[] {
  if (!loaded.content) return [];
  const problems: Problem[] = [];
  const check = (number: string | undefined, fieldPath: (string | number)[]) => {
    if (number === undefined || known.has(number)) return;
    const detail = `計画本文に「${number}」の節はありません。見出しの番号を確かめてください（ある節: ${[...known].sort().join('、')}）。`;
    problems.push(
      problem(loaded.file, 'checklist-invalid', ruleMessage('checklist-invalid', { path: formatPath(fieldPath), detail }), loaded.locate(fieldPath, 0)),
    );
  };
  loaded.content.phases.forEach((phase, p) => {
    check(phase.plan, ['phases', p, 'plan']);
    phase.items.forEach((item, i) => check(item.plan, ['phases', p, 'items', i, 'plan']));
  });
  return problems;
}

/** Every checklist's problems, for `bcp check`. */
export function checkChecklists(options: { cwd?: string; values?: SlotValues; answersFile?: string } = {}): { problems: Problem[]; uses: ChecklistSlotUse[] } {
  const problems: Problem[] = [];
  const uses: ChecklistSlotUse[] = [];
  const sections = planSectionNumbers(options.cwd);
  for (const id of CHECKLIST_IDS) {
    const loaded = loadChecklist(id, { cwd: options.cwd });
    problems.push(...loaded.problems, ...unknownPlanSections(loaded, sections));
    const slots = checklistSlotProblems(loaded, options);
    problems.push(...slots.problems);
    uses.push(...slots.uses);
  }
  return { problems, uses };
}

/**
 * A string with its slots replaced by answers and its `{name}` placeholders by the given
 * values; undefined when a placeholder has no value (the field is then left out).
 * `answerVars` are the placeholders whose values come from the answers.
 */
export function resolveText(
  text: string,
  values: SlotValues,
  vars: Readonly<Record<string, string | undefined>>,
  answerVars: ReadonlySet<string>,
): ResolvedPart[] | undefined {
  const parts: ResolvedPart[] = [];
  const pushOurs = (chunk: string): boolean => {
    let last = 0;
    for (const match of chunk.matchAll(/\{([A-Za-z]+)\}/g)) {
      const name = match[1]!;
      const value = vars[name];
      if (value === undefined) return false;
      if (match.index > last) parts.push(chunk.slice(last, match.index));
      parts.push(answerVars.has(name) ? { answer: value } : value);
      last = match.index + match[0].length;
    }
    if (last < chunk.length) parts.push(chunk.slice(last));
    return true;
  };
  let last = 0;
  for (const span of slotSpans(text).spans) {
    if (!pushOurs(text.slice(last, span.start))) return undefined;
    const answer = values.get(span.id);
    parts.push(answer !== undefined && slotById(span.id)?.kind === 'phone' ? { answer, phone: true } : { answer: answer ?? '（未回答）' });
    last = span.end;
  }
  if (!pushOurs(text.slice(last))) return undefined;
  // Merge neighbouring strings so tests and labels read naturally.
  return parts.reduce<ResolvedPart[]>((merged, part) => {
    const prev = merged[merged.length - 1];
    if (typeof part === 'string' && typeof prev === 'string') merged[merged.length - 1] = prev + part;
    else if (part !== '') merged.push(part);
    return merged;
  }, []);
}

// Read once per process: three pages and the PDF ask for the same files.
const cache = new Map<string, ChecklistContent>();

/** The validated content of one checklist, or a thrown report (for the site build). */
export function requireChecklist(id: ChecklistId, options: { cwd?: string } = {}): ChecklistContent {
  const key = path.resolve(options.cwd ?? process.cwd(), CHECKLIST_DIR, id);
  const hit = cache.get(key);
  if (hit) return hit;
  const loaded = loadChecklist(id, options);
  const slotProblems = checklistSlotProblems(loaded).problems.filter((p) => p.severity === 'error');
  if (!loaded.content || slotProblems.length > 0) {
    throw new ProblemsError([...loaded.problems, ...slotProblems]);
  }
  cache.set(key, loaded.content);
  return loaded.content;
}
