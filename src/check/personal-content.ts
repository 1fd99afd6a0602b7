/**
 * Staff details in the plan's own text (issue 21): `bcp check` looks for every name,
 * reading, phone number and address of `contacts` (except a `public: true` desk's), in any
 * notation (src/answers/personal-notations.ts), on each line of the content files (the
 * pages, and the checklists, glossary and guideline tables that pages are made from). The
 * content goes into the public site as written, so the public build would stop on it
 * (src/build/personal-scan.ts); check says so first, at the line.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { nameContacts } from '../answers/error-map.ts';
import { knownPersonalValues, needlesFor } from '../answers/personal-notations.ts';
import type { Answers } from '../answers/schema.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';

/** One problem per line of `files` (absolute) that holds a staff detail, with every hit of the line. */
export async function personalDataInContent(files: readonly string[], cwd: string, answers: Pick<Answers, 'contacts'>): Promise<Problem[]> {
  const needles = needlesFor(knownPersonalValues(answers));
  if (needles.length === 0) return [];
  const problems: Problem[] = [];
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      const hits = needles.filter((needle) => needle.test(line));
      if (hits.length === 0) return;
      const named = hits.map((hit) => `${hit.kind}（${nameContacts(`contacts[${hit.value.contact}].${hit.value.field}`, answers.contacts)}）`);
      problems.push({
        file: path.relative(cwd, file),
        line: index + 1,
        column: 1,
        ruleId: 'personal-data-in-content',
        severity: 'error',
        message: ruleMessage('personal-data-in-content', { hits: named.join('、') }),
      });
    });
  }
  return problems;
}

/** The data files under `contentDir` (checklists, glossary, guideline tables): pages are made from them too. */
export async function contentDataFiles(contentDir: string): Promise<string[]> {
  if (!existsSync(contentDir)) return [];
  return (await readdir(contentDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.(?:ya?ml|json|csv)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
