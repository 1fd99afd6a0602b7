/**
 * Loads the glossary: reads `content/glossary.yaml`, validates it and reports every
 * problem with the line and column of the field, like the answers loader. `bcp check`
 * reports these; the site and the glossary plugin call `requireGlossary()`.
 */
import path from 'node:path';
import { formatPath, zodErrorMap } from '../answers/error-map.ts';
import { loadDataFile, parseDataFile, type DataFileWording } from '../yaml/data-file.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { glossarySchema, type GlossaryTerm } from './schema.ts';

export const GLOSSARY_FILE = 'content/glossary.yaml';

export interface LoadedGlossary {
  /** The validated terms in file order, or undefined when the file has errors. */
  terms?: GlossaryTerm[];
  problems: Problem[];
  /** The file name as reported (relative to the working directory). */
  file: string;
}

export function loadGlossary(filePath: string = GLOSSARY_FILE, options: { cwd?: string } = {}): LoadedGlossary {
  const cwd = options.cwd ?? process.cwd();
  const full = path.resolve(cwd, filePath);
  const file = path.relative(cwd, full) || filePath;
  const parsed = loadDataFile(full, glossarySchema, wording(file));
  return { terms: parsed.data?.terms, problems: parsed.problems, file };
}

function wording(file: string): DataFileWording {
  return { formatPath, errorMap: zodErrorMap, problem: (field, detail, at) => problem(file, field, detail, at) };
}

/** Validates glossary YAML given as text; `file` is only used in the reports. */
export function parseGlossary(text: string, file: string): LoadedGlossary {
  const parsed = parseDataFile(text, glossarySchema, wording(file));
  return { terms: parsed.data?.terms, problems: parsed.problems, file };
}

// Read once per process: the plugin runs per page and the glossary page asks again.
const cache = new Map<string, GlossaryTerm[]>();

/** The validated terms, or a thrown report of every problem (for the site build). */
export function requireGlossary(filePath: string = GLOSSARY_FILE): GlossaryTerm[] {
  const key = path.resolve(filePath);
  const hit = cache.get(key);
  if (hit) return hit;
  const loaded = loadGlossary(filePath);
  if (!loaded.terms) throw new ProblemsError(loaded.problems);
  cache.set(key, loaded.terms);
  return loaded.terms;
}

function problem(file: string, fieldPath: string, detail: string, pos: { line: number; column: number }): Problem {
  return { file, ...pos, ruleId: 'glossary-invalid', severity: 'error', message: ruleMessage('glossary-invalid', { path: fieldPath, detail }) };
}
