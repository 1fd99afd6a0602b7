/**
 * The last gate before a site is published: no slot marker may survive into the HTML,
 * in text or in an attribute, except where the site shows slot syntax on purpose
 * (inside <code>, or an element with `data-slot`) or shows an answer verbatim
 * (`data-answer`: answers are text, so an answer that happens to contain `#3#x#3#` is
 * shown, never resolved).
 *
 * The HTML is a staging copy that is deleted when the guard fails, so each finding is
 * reported where a person can fix it: the source line with the same marker and the
 * most of the same text around it (content, then the page templates), else the page's
 * template under src/pages/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { findMarkersInTree, type Finding } from '../slots/guard.ts';

export type { Finding };

/** Where markers left in the HTML can come from, searched in this order. */
const SOURCE_DIRS = ['content', 'src/pages', 'src/components', 'src/layouts'];
const SOURCE_FILE = /\.(mdx?|astro|ya?ml)$/;
/** Characters of context compared on each side of a marker. */
const CONTEXT = 12;

/** Every marker left in one HTML document, in text and in attributes. */
export function findMarkers(html: string): Finding[] {
  return findMarkersInTree(unified().use(rehypeParse).parse(html) as Root);
}

/** Problems for every marker left in one HTML document, reported at the HTML itself. */
export function guardHtml(html: string, file: string): Problem[] {
  return findMarkers(html).map((finding) => problemAt(finding, { file, line: finding.line, column: finding.column }, file));
}

/**
 * Guards every .html file under a folder. `root` is the project whose sources the
 * findings are traced back to; `_label` (the output folder's name) is kept for callers.
 */
export async function guardSite(dir: string, _label = dir, root = process.cwd()): Promise<Problem[]> {
  const problems: Problem[] = [];
  let sources: SourceFile[] | undefined;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const full = path.join(entry.parentPath, entry.name);
    const page = path.relative(dir, full).split(path.sep).join('/');
    const findings = findMarkers(await readFile(full, 'utf8'));
    if (findings.length === 0) continue;
    sources ??= await readSources(root);
    for (const finding of findings) {
      // Never the staging copy: it is deleted when the guard fails. The message names the page.
      const place = traceToSource(finding, sources) ?? pageTemplate(page, root) ?? { file: 'src/pages', line: 1, column: 1 };
      problems.push(problemAt(finding, place, page));
    }
  }
  return problems;
}

function problemAt(finding: Finding, place: { file: string; line: number; column: number }, page: string): Problem {
  return {
    ...place,
    ruleId: 'marker-in-output',
    severity: 'error',
    message: ruleMessage('marker-in-output', { raw: finding.raw, page, attribute: finding.attribute }),
  };
}

interface SourceFile {
  file: string;
  text: string;
}

async function readSources(root: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const dir of SOURCE_DIRS) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    const names = entries
      .filter((e) => e.isFile() && SOURCE_FILE.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const name of names) files.push({ file: path.relative(root, name), text: await readFile(name, 'utf8') });
  }
  return files;
}

/** The source place whose marker has the most of the same text on both sides. */
function traceToSource(finding: Finding, sources: readonly SourceFile[]): { file: string; line: number; column: number } | undefined {
  const before = finding.text.slice(Math.max(0, finding.index - CONTEXT), finding.index);
  const after = finding.text.slice(finding.index + finding.raw.length, finding.index + finding.raw.length + CONTEXT);
  let best: { source: SourceFile; offset: number; score: number } | undefined;
  for (const source of sources) {
    for (let at = source.text.indexOf(finding.raw); at !== -1; at = source.text.indexOf(finding.raw, at + 1)) {
      let score = 0;
      while (score < before.length && source.text[at - 1 - score] === before[before.length - 1 - score]) score++;
      let tail = 0;
      const end = at + finding.raw.length;
      while (tail < after.length && source.text[end + tail] === after[tail]) tail++;
      if (!best || score + tail > best.score) best = { source, offset: at, score: score + tail };
    }
  }
  if (!best) return undefined;
  const lines = best.source.text.slice(0, best.offset).split('\n');
  return { file: best.source.file, line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** The page's template under src/pages/ (`plan.html` → `src/pages/plan.astro`), when there is one. */
function pageTemplate(page: string, root: string): { file: string; line: number; column: number } | undefined {
  const stem = page.replace(/\.html$/, '');
  const dir = path.posix.dirname(stem);
  const candidates = [`src/pages/${stem}.astro`, `src/pages/${stem}/index.astro`];
  const folder = path.join(root, 'src/pages', dir);
  if (existsSync(folder)) {
    for (const name of readdirSync(folder)) if (/^\[.+\]\.astro$/.test(name)) candidates.push(path.posix.join('src/pages', dir, name));
  }
  const found = candidates.find((candidate) => existsSync(path.join(root, candidate)));
  return found ? { file: found, line: 1, column: 1 } : undefined;
}
