/**
 * A YAML data file validated by a zod schema, every problem located at its field: the
 * shared core of the loaders for the glossary, the guideline tables and the checklists (the
 * answers have their own, richer loader: size, encoding, aliases). Wording comes from the
 * caller, so this layer stays below them.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { LineCounter, isScalar, parseDocument, Scalar, type Document } from 'yaml';
import { yamlErrorText } from './errors.ts';
import { offsetOf } from './positions.ts';

export interface Position {
  line: number;
  column: number;
}

export interface DataFileWording {
  /** A field's path as shown to people (`terms[3].reading`). */
  formatPath(fieldPath: readonly PropertyKey[]): string;
  /** Puts zod's issues in words (passed into the parse, so a schema's own message wins). */
  errorMap: z.core.$ZodErrorMap;
  /** The problem for one field (`field` is '（ファイル全体）' for a YAML syntax error). */
  problem(field: string, detail: string, at: Position): import('../errors/catalogue.ts').Problem;
}

export interface ParsedDataFile<T> {
  data?: T;
  problems: import('../errors/catalogue.ts').Problem[];
  /** Where a field sits, for checks made after validation. */
  locate(fieldPath: readonly PropertyKey[]): Position;
  /** Where the `index`-th character of a string field sits (after an opening quote), for slot reports. */
  locateInString(fieldPath: readonly (string | number)[], index: number): Position;
}

/** Where the characters of a string field start in the source (after an opening quote). */
function stringStart(doc: Document, fieldPath: readonly (string | number)[]): number {
  const node = doc.getIn(fieldPath, true);
  if (!isScalar(node) || !node.range) return offsetOf(doc, fieldPath);
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  return node.range[0] + (quoted ? 1 : 0);
}

export function parseDataFile<T>(text: string, schema: z.ZodType<T>, wording: DataFileWording): ParsedDataFile<T> {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const locate = (fieldPath: readonly PropertyKey[]) => at(offsetOf(doc, fieldPath));
  const locateInString = (fieldPath: readonly (string | number)[], index: number) => at(stringStart(doc, fieldPath) + index);
  if (doc.errors.length > 0) {
    // The parser's English never leads: one Japanese sentence per error code, the code after it.
    return {
      problems: doc.errors.map((error) => wording.problem('（ファイル全体）', `YAML として読めません。${yamlErrorText(error.code)}`, at(error.pos[0]))),
      locate,
      locateInString,
    };
  }
  const raw: unknown = doc.toJS();
  const result = schema.safeParse(raw, { error: wording.errorMap });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      // Point at the unknown key itself rather than at the object holding it.
      const unknownKey = issue.code === 'unrecognized_keys';
      const target = unknownKey ? [...issue.path, issue.keys[0]!] : issue.path;
      return wording.problem(wording.formatPath(target), issue.message, at(offsetOf(doc, target, unknownKey)));
    });
    return { problems, locate, locateInString };
  }
  return { data: result.data, problems: [], locate, locateInString };
}

/** Reads then parses a data file; a file that cannot be read is one problem at 1:1, like any other. */
export function loadDataFile<T>(fullPath: string, schema: z.ZodType<T>, wording: DataFileWording): ParsedDataFile<T> {
  let text: string;
  try {
    text = readFileSync(fullPath, 'utf8');
  } catch {
    const start = { line: 1, column: 1 };
    return {
      problems: [wording.problem('（ファイル全体）', 'ファイルが読めません。パスを確かめてください。', start)],
      locate: () => start,
      locateInString: () => start,
    };
  }
  return parseDataFile(text, schema, wording);
}
