/**
 * A YAML data file validated by a zod schema, every problem located at its field: the
 * shared core of the loaders for the glossary and the guideline tables (the answers have
 * their own, richer loader). Wording comes from the caller, so this layer stays below them.
 */
import type { z } from 'zod';
import { LineCounter, parseDocument, type Document } from 'yaml';
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
}

export function parseDataFile<T>(text: string, schema: z.ZodType<T>, wording: DataFileWording): ParsedDataFile<T> {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const locate = (fieldPath: readonly PropertyKey[]) => at(offsetOf(doc, fieldPath));
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) =>
        wording.problem('（ファイル全体）', `YAML として読めません: ${error.message.split('\n')[0]}（${error.code}）`, at(error.pos[0])),
      ),
      locate,
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
    return { problems, locate };
  }
  return { data: result.data, problems: [], locate };
}
