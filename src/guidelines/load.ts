/**
 * Loads the guideline tables with every problem located at its field, like the glossary.
 * `bcp check` reports the problems; pages call `requireGuidelines()`.
 */
import path from 'node:path';
import { formatPath, zodErrorMap } from '../answers/error-map.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import { loadDataFile, type Position } from '../yaml/data-file.ts';
import { automotiveSchema, ipaResponseSchema, type AutomotiveTable, type IpaResponseTable } from './schema.ts';

export const AUTOMOTIVE_FILE = 'content/guidelines/automotive.yaml';
export const IPA_RESPONSE_FILE = 'content/guidelines/ipa-response.yaml';

export interface Guidelines {
  automotive: AutomotiveTable;
  ipa: IpaResponseTable;
  /** Where a field of a table sits (`['conditions', 0, 'evidence', 1]`): its file and position. */
  locate(table: 'automotive' | 'ipa', field: (string | number)[]): { file: string } & Position;
}

export interface LoadedGuidelines {
  guidelines?: Guidelines;
  problems: Problem[];
}

export function loadGuidelines(cwd: string = process.cwd()): LoadedGuidelines {
  const automotive = loadTable(cwd, AUTOMOTIVE_FILE, automotiveSchema);
  const ipa = loadTable(cwd, IPA_RESPONSE_FILE, ipaResponseSchema);
  const problems = [...automotive.problems, ...ipa.problems];
  if (!automotive.data || !ipa.data) return { problems };
  const files = { automotive: { file: AUTOMOTIVE_FILE, locate: automotive.locate }, ipa: { file: IPA_RESPONSE_FILE, locate: ipa.locate } };
  return {
    problems,
    guidelines: {
      automotive: automotive.data,
      ipa: ipa.data,
      locate: (table, field) => ({ file: files[table].file, ...files[table].locate(field) }),
    },
  };
}

function loadTable<T>(cwd: string, file: string, schema: import('zod').ZodType<T>) {
  const problem = (field: string, detail: string, at: Position): Problem => ({
    file,
    ...at,
    ruleId: 'guideline-invalid',
    severity: 'error',
    message: ruleMessage('guideline-invalid', { path: field, detail }),
  });
  return loadDataFile(path.resolve(cwd, file), schema, { formatPath, errorMap: zodErrorMap, problem });
}

let cached: Guidelines | undefined;

/** The validated tables, or a thrown report of every problem (for the pages). */
export function requireGuidelines(): Guidelines {
  if (cached) return cached;
  const loaded = loadGuidelines();
  if (!loaded.guidelines) throw new ProblemsError(loaded.problems);
  cached = loaded.guidelines;
  return cached;
}
