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
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { scanMarkers } from '../slots/syntax.ts';

const EXEMPT_TAGS = new Set(['code', 'script', 'style', 'template']);
/** Where markers left in the HTML can come from, searched in this order. */
const SOURCE_DIRS = ['content', 'src/pages', 'src/components', 'src/layouts'];
const SOURCE_FILE = /\.(mdx?|astro|ya?ml)$/;
/** Characters of context compared on each side of a marker. */
const CONTEXT = 12;

function isExempt(element: Element): boolean {
  const props = element.properties ?? {};
  return EXEMPT_TAGS.has(element.tagName) || props.dataSlot !== undefined || props.dataAnswer !== undefined;
}

/** A marker found in the HTML, with the text around it for finding its source. */
export interface Finding {
  raw: string;
  /** The text node or attribute value the marker is in. */
  text: string;
  index: number;
  /** The attribute's HTML name, when it is in one. */
  attribute?: string;
  line: number;
  column: number;
}

/** Every marker left in one HTML document, in text and in attributes. */
export function findMarkers(html: string): Finding[] {
  return findMarkersInTree(unified().use(rehypeParse).parse(html) as Root);
}

/** An MDX element as it passes through remark-rehype (`bcp check` guards the tree before Astro renders it). */
interface MdxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  children: RootContent[];
  position?: Element['position'];
}

/**
 * Every marker left in an HTML tree. The same walk serves the built pages (findMarkers)
 * and `bcp check`, which runs the content's remark/rehype steps up to this tree: an MDX
 * element's children are its text on the page (the `<Slot>` the slot plugin writes shows an
 * answer or sample, as `data-answer`/`data-slot`), its attributes and expressions are the
 * slot plugin's to report.
 */
export function findMarkersInTree(tree: Root): Finding[] {
  const answers = answerTexts(tree.children);
  const found: Finding[] = [];
  const add = (text: string, node: RootContent, attribute?: string, at?: RootContent['position']) => {
    for (const marker of scanMarkers(text).markers) {
      // An attribute that repeats an answer the page shows (an aria-label naming a
      // checklist item) holds that answer's text, not a slot.
      if (attribute && answers.some((answer) => answer.includes(marker.raw) && text.includes(answer))) continue;
      const position = node.position ?? at;
      let line = position?.start.line ?? 1;
      let column = position?.start.column ?? 1;
      // In text, the marker's own place (an attribute is reported at its element).
      if (!attribute && node.position) {
        const before = text.slice(0, marker.start).split('\n');
        line += before.length - 1;
        column = before.length > 1 ? before.at(-1)!.length + 1 : column + marker.start;
      }
      found.push({ raw: marker.raw, text, index: marker.start, attribute, line, column });
    }
  };
  const walk = (nodes: RootContent[], at?: RootContent['position']) => {
    for (const node of nodes) {
      const type = node.type as string;
      if (node.type === 'element') {
        if (isExempt(node)) continue;
        for (const [name, value] of Object.entries(node.properties ?? {})) {
          const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : undefined;
          if (text) add(text, node, attributeName(name), at);
        }
        walk(node.children as RootContent[], node.position ?? at);
      } else if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
        const element = node as unknown as MdxElement;
        if (element.name !== 'Slot') walk(element.children, element.position ?? at);
      } else if (node.type === 'text') {
        add(node.value, node, undefined, at);
      }
    }
  };
  walk(tree.children);
  return found;
}

/** The text of every answer shown on the page (`data-answer` elements). */
function answerTexts(nodes: RootContent[]): string[] {
  const texts: string[] = [];
  const textOf = (node: RootContent): string =>
    node.type === 'text' ? node.value : node.type === 'element' ? node.children.map((c) => textOf(c as RootContent)).join('') : '';
  const walk = (list: RootContent[]) => {
    for (const node of list) {
      if (node.type !== 'element') continue;
      if (node.properties?.dataAnswer !== undefined) texts.push(textOf(node));
      else walk(node.children as RootContent[]);
    }
  };
  walk(nodes);
  return texts.filter((text) => text !== '');
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

function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}
