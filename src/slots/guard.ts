/**
 * Where slot syntax survives into HTML: the walk the build's guard runs over each built
 * page (src/build/html-guard.ts) and `bcp check` over each content file's HTML tree
 * (src/check/parse.ts), so the two reject the same things.
 *
 * Slot syntax may stay inside <code>, or an element with `data-slot` (shown on purpose)
 * or `data-answer` (an answer shown verbatim: answers are text, never resolved).
 */
import type { Element, Root, RootContent } from 'hast';
import { scanMarkers } from './syntax.ts';

const EXEMPT_TAGS = new Set(['code', 'script', 'style', 'template']);

export function isExempt(element: Element): boolean {
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

export function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}
