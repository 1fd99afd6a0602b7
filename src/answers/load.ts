/**
 * Loads an answers file: reads it, parses the YAML keeping positions, validates it with
 * the schema and reports every problem with the file, line and column of the field.
 * This is the only place that reads answers; the CLI, the Astro config and the pages
 * all come through here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isPair, isScalar, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { ruleMessage, ruleSeverity, type Problem, type RuleId } from '../errors/catalogue.ts';
import { CURRENT_TEMPLATE_VERSION, TEMPLATE_VERSIONS, diffTemplateVersions, type SlotDefinition } from '../slots/template.ts';
import { nodeAt, offsetOf } from '../yaml/positions.ts';
import { formatPath, nameContacts, yamlMistake, zodErrorMap, type YamlValue } from './error-map.ts';
import { applyVisibility, type Visibility } from './mask.ts';
import { answersSchema, type Answers } from './schema.ts';
import { MAX_ANSWERS_BYTES, NESTING_TOO_DEEP, bytePosition, duplicateKeyText, encodingProblem, pathNear, yamlErrorText } from '../yaml/errors.ts';
import { EXTENDS_KEY, isPlainObject, resolveExtends } from './extends.ts';

export { DEFAULT_ANSWERS_FILE } from './files.ts';

export interface LoadedAnswers {
  /** The validated answers, or undefined when the file has errors. */
  answers?: Answers;
  problems: Problem[];
  /**
   * Finds the line and column of a field (of its key with `onKey`), for checks that run after validation.
   * `file` is set when the value comes from another file (a plan's `extends:` base, src/answers/extends.ts).
   */
  locate: (fieldPath: readonly PropertyKey[], onKey?: boolean) => { line: number; column: number; file?: string };
  /** The file name as reported (relative to the working directory). */
  file: string;
}

export interface LoadOptions {
  /** Base directory for reported paths. Default: `process.cwd()`. */
  cwd?: string;
  /** The template version the content is written against. Default: the current one. */
  contentTemplateVersion?: string;
  /** Known template versions. Default: every version this tool knows. */
  templateVersions?: Readonly<Record<string, readonly SlotDefinition[]>>;
  /** `public` masks confidential fields (see mask.ts) in the returned answers. Default: `internal`. */
  visibility?: Visibility;
  /** Reads the file named by `extends:` (absolute path). Default: from disk; `bcp revisions` reads it at the git base. */
  readExtends?: (absolute: string) => string;
}

export function loadAnswersFile(filePath: string, options: LoadOptions = {}): LoadedAnswers {
  const cwd = options.cwd ?? process.cwd();
  const file = path.relative(cwd, path.resolve(cwd, filePath)) || filePath;
  const failed = (ruleId: RuleId, message: string, pos = { line: 1, column: 1 }): LoadedAnswers => ({
    problems: [{ file, ...pos, ruleId, severity: ruleSeverity(ruleId), message }],
    locate: () => ({ line: 1, column: 1 }),
    file,
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.resolve(cwd, filePath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      const inside = ['answers.yaml', 'answers.yml'].find((name) => existsSync(path.join(cwd, filePath, name)));
      return failed('answers-is-folder', ruleMessage('answers-is-folder', { file, suggestion: inside && path.join(file, inside) }));
    }
    // `~/answers.yaml` in quotes reaches us as written: say so rather than only "not found".
    const unexpanded = /^~[^/\\]*|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_][A-Za-z0-9_()]*%/.exec(filePath)?.[0];
    return failed('answers-not-found', ruleMessage('answers-not-found', { file, unexpanded }));
  }
  // Checked before parsing: a huge file would tie up the parser, and text in the wrong
  // encoding would be read as replacement characters and fail somewhere confusing.
  if (bytes.length > MAX_ANSWERS_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return failed('answers-too-large', ruleMessage('answers-too-large', { size: mb(bytes.length), limit: mb(MAX_ANSWERS_BYTES) }));
  }
  const encoding = encodingProblem(bytes);
  if (encoding) return failed('answers-encoding', ruleMessage('answers-encoding', { detail: encoding.detail }), bytePosition(bytes, encoding.offset));
  return parseAnswers(bytes.toString('utf8'), file, options);
}

/** A path for a message, cut after a few steps when it runs deep (`x[0][0][0][0]…`). */
function shortPath(fieldPath: readonly (string | number)[], steps = 4): string {
  return fieldPath.length > steps ? `${formatPath(fieldPath.slice(0, steps))}…` : formatPath(fieldPath);
}

/** Validates answers given as text; `file` is only used in the reports. */
export function parseAnswers(text: string, file: string, options: LoadOptions = {}): LoadedAnswers {
  const source = text.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  let locate: LoadedAnswers['locate'] = (fieldPath, onKey = false) => at(offsetOf(doc, fieldPath, onKey));
  const problem = (ruleId: RuleId, message: string, pos: { line: number; column: number; file?: string }): Problem => ({
    file,
    ...pos,
    ruleId,
    severity: ruleSeverity(ruleId),
    message,
  });

  if (doc.errors.length > 0) {
    // Only the first: later syntax errors are mostly the parser losing its way after it.
    const [first] = doc.errors;
    const more = doc.errors.length - 1;
    const duplicate = first!.code === 'DUPLICATE_KEY' ? firstOfDuplicate(doc, first!.pos[0]) : undefined;
    const tail = more > 0 ? `この後にも読めない所が ${more} か所ありますが、ここを直すと消えることがあります。` : '';
    const nesting = first!.code === 'RESOURCE_EXHAUSTION';
    const text = duplicate ? duplicateKeyText(duplicate.key, at(duplicate.offset).line, at(first!.pos[0]).line) : nesting ? NESTING_TOO_DEEP : undefined;
    const detail = yamlErrorText(first!.code, tail, text);
    const message = ruleMessage('answers-yaml-syntax', { path: shortPath(pathNear(source, first!.pos[0])), detail });
    return { problems: [problem('answers-yaml-syntax', message, at(first!.pos[0]))], locate, file };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // Aliases make toJS throw (one that points nowhere, or too many: an alias bomb), and so
    // does nesting deep enough to run out of stack.
    if (error instanceof RangeError) {
      const message = ruleMessage('answers-yaml-syntax', { path: '（ファイル全体）', detail: yamlErrorText('RESOURCE_EXHAUSTION', '', NESTING_TOO_DEEP) });
      return { problems: [problem('answers-yaml-syntax', message, { line: 1, column: 1 })], locate, file };
    }
    const code = error instanceof Error && /Excessive alias/.test(error.message) ? 'RESOURCE_EXHAUSTION' : 'ALIAS_UNRESOLVED';
    const offset = aliasOffset(doc, code === 'ALIAS_UNRESOLVED');
    const message = ruleMessage('answers-yaml-syntax', { path: shortPath(pathNear(source, offset)), detail: yamlErrorText(code) });
    return { problems: [problem('answers-yaml-syntax', message, at(offset))], locate, file };
  }
  if (data === null || data === undefined || source.trim() === '') {
    return { problems: [problem('answers-empty', ruleMessage('answers-empty', {}), { line: 1, column: 1 })], locate, file };
  }
  // A plan that extends a shared base: validated merged, each value located in its own file.
  if (isPlainObject(data) && EXTENDS_KEY in data) {
    const merged = resolveExtends({ data, doc, lineCounter, file, cwd: options.cwd ?? process.cwd(), readText: options.readExtends });
    if (!merged.data || !merged.locate) return { problems: merged.problems, locate, file };
    data = merged.data;
    locate = merged.locate;
  }

  const result = answersSchema.safeParse(data, { error: zodErrorMap });
  if (!result.success) {
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const issue of result.error.issues) {
      // Point at the unknown key itself rather than at the object holding it.
      const target = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      // One message per field: a date that fails its form fails its calendar check too.
      const where = formatPath(target);
      if (seen.has(where)) continue;
      seen.add(where);
      const detail = yamlMistake(issue, yamlValue(doc, source, issue.path)) ?? issue.message;
      const named = nameContacts(where, (data as { contacts?: unknown }).contacts);
      problems.push(problem('answers-invalid', ruleMessage('answers-invalid', { path: named, detail }), locate(target, issue.code === 'unrecognized_keys')));
    }
    return { problems, locate, file };
  }

  const answers = result.data;
  const versionProblem = checkTemplateVersion(
    answers.templateVersion,
    options.contentTemplateVersion ?? CURRENT_TEMPLATE_VERSION,
    options.templateVersions ?? TEMPLATE_VERSIONS,
  );
  if (versionProblem) {
    return { problems: [problem(versionProblem.ruleId, versionProblem.message, locate(['templateVersion']))], locate, file };
  }
  return { answers: applyVisibility(answers, options.visibility), problems: [], locate, file };
}

/** The parsed value at a field with its text as written, for `yamlMistake`. */
function yamlValue(doc: Document, source: string, fieldPath: readonly PropertyKey[]): YamlValue {
  const found = nodeAt(doc, fieldPath);
  if (!found) return { value: undefined };
  const { key, value } = found;
  const scalar = isScalar(value) ? value : undefined;
  const result: YamlValue = { value: scalar ? scalar.value : (value as YamlNode | null)?.toJSON?.() };
  if (scalar && typeof scalar.source === 'string' && scalar.source !== '') result.source = scalar.source;
  if ((scalar === undefined || scalar.value === null) && key?.range) {
    const lineEnd = source.indexOf('\n', key.range[1]);
    const rest = source.slice(key.range[1], lineEnd === -1 ? undefined : lineEnd);
    result.afterKey = rest.replace(/^\s*:\s*/, '').replace(/\r$/, '');
  }
  return result;
}

/** The key that a duplicate key at `offset` repeats, and where it was first written. */
function firstOfDuplicate(doc: Document, offset: number): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const start = pair.key.range?.[0] ?? -1;
        const earlier = seen.get(name);
        if (earlier !== undefined && start === offset) {
          found = { key: name, offset: earlier };
          return visit.BREAK;
        }
        if (earlier === undefined) seen.set(name, start);
      }
      return undefined;
    },
  });
  return found;
}

/** Where the first alias (`*name`) is, or the first one that points nowhere. */
function aliasOffset(doc: Document, unresolvedOnly: boolean): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      if (unresolvedOnly && node.resolve(doc) !== undefined) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function checkTemplateVersion(
  answered: string,
  content: string,
  versions: Readonly<Record<string, readonly SlotDefinition[]>>,
): { ruleId: RuleId; message: string } | undefined {
  if (answered === content) return undefined;
  const known = Object.keys(versions);
  const answeredSlots = versions[answered];
  const contentSlots = versions[content];
  if (!answeredSlots || !contentSlots) {
    return { ruleId: 'template-version-unknown', message: ruleMessage('template-version-unknown', { version: answered, known: known.join('、') }) };
  }
  const { added, removed, changed } = diffTemplateVersions(answeredSlots, contentSlots);
  const list = (slots: typeof added) => slots.map((s) => `#${s.id}#（${s.label}）`).join('、');
  return {
    ruleId: 'template-version-mismatch',
    message: ruleMessage('template-version-mismatch', { answers: answered, content, added: list(added), removed: list(removed), changed: list(changed) }),
  };
}

