/**
 * The searchable text of one built page, in sections a result can link to.
 *
 * The pages mark what to index with data- attributes (named after Pagefind's, which people know):
 * only inside `data-search-body` (else `<body>`), nothing inside `data-search-ignore`,
 * the title from `data-search-meta="title[attr]"` (else the first <h1>). Labels are kept
 * (the checklists' items are labels). A heading starts a section when it or an enclosing
 * element has an id (the plan's chapters are <section id> with a bare <h2>). Navigation
 * (<nav>: tables of contents, breadcrumbs, pagers) is left out: it only repeats other
 * headings and titles, and would make a page match the titles of its neighbours.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export interface SearchSection {
  /** The anchor to link to; '' for the top of the page. Unique within the page. */
  id: string;
  heading: string;
  /** Text of the section, one line per block. */
  text: string;
}

export interface SearchPage {
  /** Path from the site root with forward slashes, e.g. `plan.html`. */
  url: string;
  title: string;
  lang: string;
  /** Whether the page marks its searchable part with `data-search-body`. */
  marked: boolean;
  /** `data-search-weight` of the searchable part: how much the page counts in ranking (default 1). */
  weight: number;
  sections: SearchSection[];
}

// Not text a reader searches for: navigation, code that runs, and the controls' own labels.
const SKIPPED = new Set(['nav', 'script', 'style', 'template', 'noscript', 'svg', 'canvas', 'iframe', 'object', 'select', 'textarea', 'button']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'label',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const HEADING = /^h[1-6]$/;

/** hast keeps `data-foo-bar` as `dataFooBar`. */
function prop(element: Element, attribute: string): string | undefined {
  const key = attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const value = element.properties?.[key];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function isSkipped(element: Element): boolean {
  return SKIPPED.has(element.tagName) || prop(element, 'data-search-ignore') !== undefined || element.properties?.hidden === true;
}

function textOf(nodes: readonly (RootContent | ElementContent)[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element' && !isSkipped(node)) out += (BLOCKS.has(node.tagName) ? ' ' : '') + textOf(node.children);
  }
  return out;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function find(nodes: readonly RootContent[], test: (e: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (test(node)) return node;
    const hit = find(node.children as RootContent[], test);
    if (hit) return hit;
  }
  return undefined;
}

function tidy(text: string): string {
  return text.split('\n').map(oneLine).filter(Boolean).join('\n');
}

/** The title a page announces through `data-search-meta` (`title` or `title[attr]`). */
function metaTitle(tree: Root): string | undefined {
  let title: string | undefined;
  find(tree.children, (element) => {
    for (const entry of (prop(element, 'data-search-meta') ?? '').split(',')) {
      const match = /^\s*title(?:\[([^\]]+)\])?\s*$/.exec(entry);
      if (!match) continue;
      title = match[1] ? prop(element, match[1]) : textOf(element.children);
      return true;
    }
    return false;
  });
  return title ? oneLine(title) || undefined : undefined;
}

export function extractPage(html: string, url: string): SearchPage {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const htmlElement = find(tree.children, (e) => e.tagName === 'html');
  const marked = find(tree.children, (e) => prop(e, 'data-search-body') !== undefined);
  const body = marked ?? find(tree.children, (e) => e.tagName === 'body');
  const firstH1 = body ? find(body.children as RootContent[], (e) => e.tagName === 'h1') : undefined;
  const titleElement = find(tree.children, (e) => e.tagName === 'title');
  const title = metaTitle(tree) ?? (firstH1 ? oneLine(textOf(firstH1.children)) : undefined) ?? (titleElement ? oneLine(textOf(titleElement.children)) : url);
  const sections: SearchSection[] = [];
  const used = new Set<string>();
  let current: SearchSection = { id: '', heading: '', text: '' };
  const ids: string[] = [];

  const walk = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        current.text += node.value;
        continue;
      }
      if (node.type !== 'element' || isSkipped(node)) continue;
      const id = prop(node, 'id');
      // A term in a definition list with its own id is a place to land, like a heading.
      if (HEADING.test(node.tagName) || (node.tagName === 'dt' && id)) {
        const heading = oneLine(textOf(node.children));
        const anchor = id ?? ids.at(-1);
        if (anchor && !used.has(anchor)) {
          used.add(anchor);
          sections.push(current);
          current = { id: anchor, heading, text: '' };
        } else {
          // No new place to link to: the heading is a line of the section it sits in. The page's
          // own <h1> repeats the title a result already shows; only what it adds is kept.
          const line = node.tagName === 'h1' && heading.startsWith(title) ? heading.slice(title.length).trim() : heading;
          current.text += `\n${line}\n`;
        }
        continue;
      }
      if (id) ids.push(id);
      const block = BLOCKS.has(node.tagName);
      if (block) current.text += '\n';
      walk(node.children);
      if (block) current.text += '\n';
      if (id) ids.pop();
    }
  };
  if (body) walk(body.children);
  sections.push(current);

  const kept = sections.map((s) => ({ ...s, text: tidy(s.text) })).filter((s) => s.heading || s.text);
  const weight = Number((marked && prop(marked, 'data-search-weight')) ?? 1);
  return {
    url,
    title,
    lang: (htmlElement && prop(htmlElement, 'lang')) || 'ja',
    marked: marked !== undefined,
    weight: Number.isFinite(weight) && weight >= 0 ? weight : 1,
    sections: kept,
  };
}
