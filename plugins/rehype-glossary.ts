/**
 * rehype-glossary: links the first occurrence of each glossary term on a page to its
 * entry on the glossary page, and carries the definition for a tooltip.
 *
 * A term becomes `<span class="glossary-term" data-definition="…"><a href="…">term</a></span>`:
 * the stylesheet shows `data-definition` on hover and on keyboard focus, and because the
 * tooltip hangs off the wrapper, not the link, the link's accessible name stays the term.
 * Text in headings, links, code, slots and answers is left alone.
 *
 * "A page" is one Markdown/MDX file: Astro compiles each file once, whatever page shows
 * it, so a page that shows several files (the plan) links a term once per file.
 *
 * Links are relative (the site must work from file://), so the plugin needs to know how
 * deep the file's page sits. It reads that from the file's path: `content/<name>/x.mdx`
 * is published under `<name>/` (handbook/x.html, threats/01.html) except the folders in
 * `folders` (the plan is shown on root pages). Files outside `content/<name>/` are left
 * unlinked. The definition is a string attribute, never parsed: it cannot inject markup.
 *
 * It also records which terms the file uses (linked or not) in the file's Astro
 * frontmatter as `glossaryTerms`, so the glossary page can link back to the pages.
 */
import type { Element, ElementContent, Root } from 'hast';
import { findAndReplace, type RegExpMatchObject } from 'hast-util-find-and-replace';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { requireGlossary } from '../src/glossary/load.ts';
import { termAnchor, type GlossaryTerm } from '../src/glossary/schema.ts';
import { PAGES } from '../src/site/paths.ts';

export interface Options {
  /** The terms to link. Default: `content/glossary.yaml`. */
  terms?: readonly GlossaryTerm[];
  /** The glossary page, relative to the site root. Default: `glossary.html`. */
  glossaryPage?: string;
  /** Content folder name → site folder its files are shown in. Default: `{ plan: '' }`; any other folder is published under its own name. */
  folders?: Readonly<Record<string, string>>;
}

const IGNORED_TAGS = new Set([
  'a',
  'button',
  'code',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'kbd',
  'math',
  'pre',
  'samp',
  'script',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
]);
// Katakana words run on without spaces: ログ inside ログイン is not the term ログ.
const KATAKANA = /[\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9f]/;
// Latin terms need a word edge: BCP inside IT-BCP is not the term BCP.
const LATIN = /[A-Za-z0-9_\-/]/;

const rehypeGlossary: Plugin<[Options?], Root> = (options = {}) => {
  const terms = options.terms ?? requireGlossary();
  const glossaryPage = options.glossaryPage ?? PAGES.glossary;
  const folders = { plan: '', ...options.folders };
  const bySpelling = new Map<string, GlossaryTerm>();
  for (const term of terms) for (const spelling of [term.term, ...term.aliases]) bySpelling.set(spelling, term);
  // Longest first, so that at one position サイバー対応 IT-BCP wins over IT-BCP.
  const spellings = [...bySpelling.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(spellings.map(escapeRegExp).join('|'), 'g');

  return (tree, file) => {
    const folder = siteFolder(file, folders);
    if (folder === undefined || spellings.length === 0) return;
    const href = (term: GlossaryTerm) => `${'../'.repeat(depthOf(folder))}${glossaryPage}#${termAnchor(term.id)}`;
    const seen = new Set<string>();

    findAndReplace(
      tree,
      [
        pattern,
        (value: string, match: RegExpMatchObject) => {
          const before = match.input[match.index - 1];
          const after = match.input[match.index + value.length];
          if (!atWordEdge(value, before, after)) return false;
          const term = bySpelling.get(value)!;
          // Already linked: keep the text, but consume it so a shorter term inside it does not match.
          if (seen.has(term.id)) return value;
          seen.add(term.id);
          return termLink(term, value, href(term));
        },
      ],
      { ignore: isIgnored },
    );

    // Every term the file uses, for the glossary page's "where it appears": Astro exports
    // the file's `data.astro.frontmatter` as `remarkPluginFrontmatter` of the entry.
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (astro?.frontmatter) astro.frontmatter.glossaryTerms = [...seen];
  };
};

export default rehypeGlossary;

function termLink(term: GlossaryTerm, text: string, href: string): Element {
  const link: Element = { type: 'element', tagName: 'a', properties: { href, dataGlossaryTerm: term.id }, children: [{ type: 'text', value: text }] };
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['glossary-term'], dataDefinition: `${term.term}: ${term.definition}` },
    children: [link] as ElementContent[],
  };
}

function isIgnored(node: Element): boolean {
  const props = node.properties ?? {};
  return IGNORED_TAGS.has(node.tagName) || props.dataSlot !== undefined || props.dataAnswer !== undefined || props.dataNoGlossary !== undefined;
}

function atWordEdge(value: string, before: string | undefined, after: string | undefined): boolean {
  const edge = (char: string, neighbour: string | undefined) =>
    neighbour === undefined || !((KATAKANA.test(char) && KATAKANA.test(neighbour)) || (LATIN.test(char) && LATIN.test(neighbour)));
  return edge(value[0]!, before) && edge(value[value.length - 1]!, after);
}

/** The site folder the file's page is written to ('' = site root), or undefined when unknown. */
function siteFolder(file: VFile, folders: Readonly<Record<string, string>>): string | undefined {
  const parts = (file.path ?? '').split(/[\\/]/);
  const content = parts.lastIndexOf('content');
  if (content === -1 || parts.length - content !== 3) return undefined;
  const name = parts[content + 1]!;
  return folders[name] ?? name;
}

function depthOf(folder: string): number {
  return folder.split('/').filter(Boolean).length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&');
}
