/**
 * remark-bcp-slots: finds the template's slots (`#N#sample#N#`) in Markdown/MDX and
 * replaces each with its answer.
 *
 * A slot sits in one paragraph, heading or table cell, and its two markers may be in
 * different text nodes (bold that starts inside a slot and ends outside it). Problems
 * are reported on the file with their position and a stable rule id; nothing throws,
 * except that `failOnError` stops an Astro build the way `bcp check` would.
 *
 * A marker written with an escape (`\#3#`) or a character reference (`&#35;3#`) is
 * text, and so is a lone `#12`, unless a marker of the same number is beside it. A
 * marker in an attribute (link target, alt, title, JSX attribute, frontmatter) cannot
 * be resolved and is reported where it is written.
 *
 * In MDX the slot becomes `<Slot id answer sample />`, so one compiled page can show
 * the answer (the plan) or the highlighted sample (the template preview) depending on
 * the component the page passes. In plain Markdown it becomes the answer as text.
 * Either way the answer is a string value, never parsed: it cannot inject markup.
 */
import type { InlineCode, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { location } from 'vfile-location';
import type { SlotValues } from '../src/answers/values.ts';
import { ruleMessage, ruleSeverity, type RuleId } from '../src/errors/catalogue.ts';
import { alignToSource, pairSlots, scanMarkers, type Marker, type SourceMap } from '../src/slots/syntax.ts';
import { CURRENT_TEMPLATE_VERSION, slotsOf, type SlotDefinition } from '../src/slots/template.ts';

export interface Options {
  /** Slot id → answer text. Default: none, which checks syntax only and reports no missing answers. */
  values?: SlotValues;
  /** Template version whose slots are known. Default: the current version. */
  templateVersion?: string;
  /** The answers file named in messages. Default: `answers/answers.yaml`. */
  answersFile?: string;
  /**
   * Where to add a missing answer in the answers file, by slot id (e.g.
   * `answers/answers.yaml:35:3（\`slots.6\` の次）`). Default: none, and the message names the file only.
   */
  answerPlace?: (id: number) => string | undefined;
  /** Stop the run (file.fail) after reporting when any slot error was found. Default: false. */
  failOnError?: boolean;
}

/** One slot occurrence, kept on `file.data.bcpSlots` for the check's token list. */
export interface SlotOccurrence {
  id: number;
  line: number;
  column: number;
  resolved: boolean;
}

declare module 'vfile' {
  interface DataMap {
    bcpSlots: SlotOccurrence[];
  }
}

const SOURCE = 'bcp-slots';
/** Nodes whose children are the inline run a slot must stay within. */
const RUN_ROOTS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline containers dropped when a slot replacement leaves them empty. */
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link']);

type Leaf = Text | InlineCode;
interface LeafRef {
  node: Leaf;
  /** Ancestors from the run root down to the leaf's parent. */
  ancestors: Parent[];
}
interface MarkerRef {
  leaf: number;
  marker: Marker;
}

const remarkBcpSlots: Plugin<[Options?], Root> = (options = {}) => {
  const slots = slotsOf(options.templateVersion ?? CURRENT_TEMPLATE_VERSION);
  const version = options.templateVersion ?? CURRENT_TEMPLATE_VERSION;
  const answersFile = options.answersFile ?? 'answers/answers.yaml';

  return (tree, file) => {
    const isMdx = /\.mdx$/i.test(file.path ?? '');
    const occurrences: SlotOccurrence[] = [];
    file.data.bcpSlots = occurrences;
    const locator = location(file);
    const source = String(file.value);

    const report = (ruleId: RuleId, reason: string, start: number, end: number) => {
      const place = { start: locator.toPoint(start)!, end: locator.toPoint(end)! };
      const message = file.message(reason, { place, ruleId, source: SOURCE });
      message.fatal = ruleSeverity(ruleId) === 'error' ? true : false;
    };

    const maps = new WeakMap<Leaf, SourceMap>();
    // Before the runs: resolving slots adds <Slot> elements whose attributes hold samples.
    checkAttributes();
    visit(tree, (node) => {
      if (!RUN_ROOTS.has(node.type) && !isPhrasingElement(node)) return;
      processRun(node as Parent);
      return SKIP;
    });

    if (options.failOnError && file.messages.some((m) => m.fatal && m.source === SOURCE)) {
      const first = file.messages.find((m) => m.fatal && m.source === SOURCE)!;
      file.fail(`ひな形の枠に誤りがあります（最初の1件: ${first.reason}）。\`npm run check\` ですべて確かめてください。`, {
        place: first.place,
        ruleId: first.ruleId ?? undefined,
        source: SOURCE,
      });
    }

    function processRun(root: Parent) {
      wrapLiterals(root);
      const leaves = collectLeaves(root);
      const refs: MarkerRef[] = [];
      const halves: Array<{ leaf: number; start: number; raw: string }> = [];
      leaves.forEach((leaf, index) => {
        if (leaf.node.type !== 'text') return;
        const scan = scanMarkers(leaf.node.value);
        const map = sourceMap(leaf.node);
        // `\#3#` and `&#35;3#` are the author saying "a literal #": never a marker.
        const literal = (start: number, end: number) => map.escaped.slice(start, end).some(Boolean);
        for (const half of scan.halves) if (!literal(half.start, half.end)) halves.push({ leaf: index, start: half.start, raw: half.raw });
        for (const marker of scan.markers) if (!literal(marker.start, marker.end)) refs.push({ leaf: index, marker });
      });
      // A lone `#12` or `C#7` is ordinary text. Only beside a marker of the same number
      // does it look like a marker someone broke (the public template's `11#…# 11#`).
      const pairing = pairSlots(
        refs,
        halves,
        (ref) => ref.marker,
        (half) => half.raw,
      );
      for (const { half, marker } of pairing.broken) {
        const at = sourceOffset(leaves[half.leaf]!.node, half.start);
        report('half-marker', ruleMessage('half-marker', { raw: half.raw, marker }), at, at + half.raw.length);
      }
      for (const ref of refs) {
        const at = sourceOffset(leaves[ref.leaf]!.node, ref.marker.start);
        if (pairing.outOfRange.includes(ref)) {
          report('malformed-marker', ruleMessage('malformed-marker', { raw: ref.marker.raw, reason: '番号が 1〜99 の外です' }), at, at + ref.marker.raw.length);
        } else if (ref.marker.nonstandard) {
          report(
            'nonstandard-marker',
            ruleMessage('nonstandard-marker', { raw: ref.marker.raw, canonical: ref.marker.canonical }),
            at,
            at + ref.marker.raw.length,
          );
        }
      }
      for (const { open, next } of pairing.unclosed) reportUnclosed(open, next?.marker.canonical);
      const pairs = pairing.pairs;

      for (const [opener] of pairs) {
        const point = locator.toPoint(sourceOffset(leaves[opener.leaf]!.node, opener.marker.start))!;
        const id = opener.marker.id;
        const known = slots.some((slot) => slot.id === id);
        occurrences.push({ id, line: point.line, column: point.column, resolved: known && options.values?.has(id) === true });
      }
      // Last pair first: earlier pairs' offsets stay valid while later text is cut.
      for (const [opener, closer] of pairs.reverse()) resolvePair(leaves, opener, closer);
      removeEmpty(root);

      function reportUnclosed(ref: MarkerRef, next?: string) {
        const at = sourceOffset(leaves[ref.leaf]!.node, ref.marker.start);
        report('unclosed-slot', ruleMessage('unclosed-slot', { marker: ref.marker.canonical, next }), at, at + ref.marker.raw.length);
      }
    }

    /**
     * An escaped marker (`\\#3#`, `&#35;3#`) stays text, in a `<span data-slot="literal">`:
     * the HTML guard lets slot syntax through only inside such an element, so the page
     * shows the `#3#` the author wrote instead of failing the build.
     */
    function wrapLiterals(root: Parent) {
      for (const leaf of collectLeaves(root)) {
        if (leaf.node.type !== 'text') continue;
        const text = leaf.node;
        const map = sourceMap(text);
        const literals = scanMarkers(text.value).markers.filter((m) => map.escaped.slice(m.start, m.end).some(Boolean));
        if (literals.length === 0) continue;
        const parent = leaf.ancestors[leaf.ancestors.length - 1]!;
        const end = text.position?.end;
        const pieces: PhrasingContent[] = [];
        let from = 0;
        const textAt = (value: string, offset: number | undefined): Text => {
          const start = offset === undefined ? undefined : locator.toPoint(offset);
          return start && end ? { type: 'text', value, position: { start, end } } : { type: 'text', value };
        };
        for (const marker of literals) {
          if (marker.start > from) pieces.push(textAt(text.value.slice(from, marker.start), map.offsets[from]));
          pieces.push(literalNode(marker.raw));
          from = marker.end;
        }
        if (from < text.value.length) pieces.push(textAt(text.value.slice(from), map.offsets[from]));
        parent.children.splice(parent.children.indexOf(text), 1, ...(pieces as never[]));
      }
    }

    function resolvePair(leaves: LeafRef[], opener: MarkerRef, closer: MarkerRef) {
      const id = opener.marker.id;
      const a = leaves[opener.leaf]!;
      const b = leaves[closer.leaf]!;
      const start = sourceOffset(a.node, opener.marker.start);
      const end = sourceOffset(b.node, closer.marker.end - 1) + 1;
      const definition = slots.find((slot) => slot.id === id);
      const answer = options.values?.get(id);

      if (!definition) {
        report(
          'unknown-slot',
          ruleMessage('unknown-slot', { marker: opener.marker.canonical, version, known: knownRange(slots), suggestion: suggest(id, slots) }),
          start,
          end,
        );
        return; // Left in place: the HTML guard will not let it through either.
      }
      if (options.values && answer === undefined) {
        report(
          'missing-answer',
          ruleMessage('missing-answer', {
            marker: opener.marker.canonical,
            label: definition.label,
            question: definition.question,
            answerPath: definition.answerPath,
            answersFile,
            answerPlace: options.answerPlace?.(id),
          }),
          start,
          end,
        );
      }

      const sample = sampleText(leaves, opener, closer);
      const replacement = slotNode(definition, answer, sample, start, end);
      const parentA = a.ancestors[a.ancestors.length - 1]!;
      if (a.node === b.node) {
        const text = a.node as Text;
        const after = text.value.slice(closer.marker.end);
        text.value = text.value.slice(0, opener.marker.start);
        parentA.children.splice(parentA.children.indexOf(text) + 1, 0, replacement, { type: 'text', value: after } as never);
        return;
      }
      removeBetween(a, b);
      (a.node as Text).value = a.node.value.slice(0, opener.marker.start);
      (b.node as Text).value = b.node.value.slice(closer.marker.end);
      parentA.children.splice(parentA.children.indexOf(a.node) + 1, 0, replacement);
    }

    function slotNode(definition: SlotDefinition, answer: string | undefined, sample: string, start: number, end: number): PhrasingContent {
      const position = { start: locator.toPoint(start)!, end: locator.toPoint(end)! };
      if (!isMdx) return { type: 'text', value: answer ?? sample, position };
      const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute' as const, name, value });
      const element: MdxJsxTextElement = {
        type: 'mdxJsxTextElement',
        name: 'Slot',
        attributes: [attribute('id', String(definition.id)), attribute('sample', sample), ...(answer === undefined ? [] : [attribute('answer', answer)])],
        children: [],
        position,
      };
      return element;
    }

    /** Where the character at `index` of a leaf's value sits in the source file. */
    function sourceOffset(node: Leaf, index: number): number {
      return sourceMap(node).offsets[index] ?? node.position?.start.offset ?? 0;
    }

    function sourceMap(node: Leaf): SourceMap {
      let map = maps.get(node);
      if (!map) {
        map = alignToSource(node.value, source, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
        maps.set(node, map);
      }
      return map;
    }

    /** Markers where no slot can be resolved: attributes, frontmatter, expressions, raw HTML. */
    function checkAttributes() {
      visit(tree, (node: Nodes) => {
        const scanIn = (value: string | null | undefined, where: string, from: number | undefined, to: number | undefined) => {
          if (!value || from === undefined) return;
          const slice = source.slice(from, to);
          let searchFrom = 0;
          const reported = new Set<number>();
          for (const marker of scanMarkers(value).markers) {
            // Written with an escape or a character reference: the author meant a literal `#`.
            const found = slice.indexOf(marker.raw, searchFrom);
            if (found === -1 || slice[found - 1] === '\\') continue;
            searchFrom = found + marker.raw.length;
            // `#3#x#3#` is one problem, reported at its first marker.
            if (reported.has(marker.id)) continue;
            reported.add(marker.id);
            report('slot-in-attribute', ruleMessage('slot-in-attribute', { raw: marker.raw, where }), from + found, from + searchFrom);
          }
        };
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        switch (node.type) {
          case 'link': {
            // The link text is a run of its own; the target and title come after it. An
            // autolinked URL (`https://…` in text) is its own target: the text is the URL.
            const only = node.children.length === 1 ? node.children[0] : undefined;
            const autolink = only?.type === 'text' && node.url.endsWith(only.value) && !source.slice(start ?? 0, end).includes('](');
            const afterText = autolink ? start : (node.children.at(-1)?.position?.end.offset ?? start);
            scanIn(node.url, autolink ? '自動リンクの URL（リンク先）' : 'リンク先（URL）', afterText, end);
            scanIn(node.title, 'リンクのタイトル', afterText, end);
            break;
          }
          case 'image':
            scanIn(node.alt, '画像の代替テキスト（alt）', start, end);
            scanIn(node.url, '画像のファイル名（src）', start, end);
            scanIn(node.title, '画像のタイトル', start, end);
            break;
          case 'definition':
            scanIn(node.url, 'リンクの定義のリンク先（URL）', start, end);
            scanIn(node.title, 'リンクの定義のタイトル', start, end);
            break;
          case 'html':
            scanIn(node.value, 'HTML のタグ', start, end);
            break;
          case 'yaml':
            scanIn(node.value, 'フロントマター', start, end);
            break;
          case 'mdxFlowExpression':
          case 'mdxTextExpression':
            scanIn(node.value, 'MDX の式（{ }）', start, end);
            break;
          case 'mdxJsxFlowElement':
          case 'mdxJsxTextElement':
            for (const attribute of (node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
              const from = attribute.position?.start.offset ?? start;
              const to = attribute.position?.end.offset ?? end;
              if (attribute.type === 'mdxJsxExpressionAttribute') {
                scanIn(attribute.value, `要素 <${node.name ?? ''}> の属性`, from, to);
              } else {
                const value = typeof attribute.value === 'string' ? attribute.value : attribute.value?.value;
                scanIn(value, `要素 <${node.name ?? ''}> の \`${attribute.name}\` 属性`, from, to);
              }
            }
            break;
          default:
            break;
        }
      });
    }
  };
};

export default remarkBcpSlots;

/** Slot syntax shown as written; not a text node, so no later scan takes it for a marker. */
function literalNode(raw: string): PhrasingContent {
  const node = {
    type: 'bcpLiteralMarker',
    value: raw,
    data: { hName: 'span', hProperties: { dataSlot: 'literal' }, hChildren: [{ type: 'text', value: raw }] },
  };
  return node as unknown as PhrasingContent;
}

/**
 * A JSX element written on one line (`<div>#3#x#3#</div>`): the MDX compiler unwraps the
 * paragraph around it, so its text is a run of its own.
 */
function isPhrasingElement(node: Nodes): boolean {
  return node.type === 'mdxJsxFlowElement' && node.children.length > 0 && node.children.every((child) => PHRASING.has(child.type));
}
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'inlineCode', 'break', 'mdxJsxTextElement', 'mdxTextExpression', 'html', 'image']);

function collectLeaves(root: Parent): LeafRef[] {
  const leaves: LeafRef[] = [];
  const walk = (parent: Parent, ancestors: Parent[]) => {
    for (const child of parent.children) {
      if (child.type === 'text' || child.type === 'inlineCode') leaves.push({ node: child, ancestors: [...ancestors, parent] });
      else if ('children' in child) walk(child as Parent, [...ancestors, parent]);
    }
  };
  walk(root, []);
  return leaves;
}

function sampleText(leaves: LeafRef[], opener: MarkerRef, closer: MarkerRef): string {
  if (opener.leaf === closer.leaf) return leaves[opener.leaf]!.node.value.slice(opener.marker.end, closer.marker.start);
  let text = leaves[opener.leaf]!.node.value.slice(opener.marker.end);
  for (let i = opener.leaf + 1; i < closer.leaf; i++) text += leaves[i]!.node.value;
  return text + leaves[closer.leaf]!.node.value.slice(0, closer.marker.start);
}

/** Removes every node strictly between two leaves of the same run. */
function removeBetween(a: LeafRef, b: LeafRef) {
  const chainA = [...a.ancestors, a.node] as Array<Parent | Leaf>;
  const chainB = [...b.ancestors, b.node] as Array<Parent | Leaf>;
  let d = 0;
  while (d + 1 < chainA.length && d + 1 < chainB.length && chainA[d + 1] === chainB[d + 1]) d++;
  for (let k = chainA.length - 1; k > d + 1; k--) {
    const parent = chainA[k - 1] as Parent;
    parent.children.splice(parent.children.indexOf(chainA[k] as never) + 1);
  }
  for (let k = chainB.length - 1; k > d + 1; k--) {
    const parent = chainB[k - 1] as Parent;
    parent.children.splice(0, parent.children.indexOf(chainB[k] as never));
  }
  const lca = chainA[d] as Parent;
  const from = lca.children.indexOf(chainA[d + 1] as never);
  const to = lca.children.indexOf(chainB[d + 1] as never);
  lca.children.splice(from + 1, to - from - 1);
}

/** Drops text nodes emptied by a replacement, and bold/emphasis left with nothing inside. */
function removeEmpty(parent: Parent) {
  parent.children = parent.children.filter((child) => {
    if ('children' in child) removeEmpty(child as Parent);
    if (child.type === 'text') return child.value !== '';
    if (INLINE_CONTAINERS.has(child.type)) return (child as Parent).children.length > 0;
    return true;
  }) as Parent['children'];
}

function knownRange(slots: readonly SlotDefinition[]): string {
  const ids = slots.map((s) => s.id);
  return `#${Math.min(...ids)}#〜#${Math.max(...ids)}#`;
}

/** A likely intended slot: the digits swapped (`#81#` → `#18#`), or the one id left by dropping a digit. */
function suggest(id: number, slots: readonly SlotDefinition[]): string | undefined {
  const known = new Set(slots.map((s) => s.id));
  const digits = String(id);
  const swapped = Number([...digits].reverse().join(''));
  if (swapped !== id && known.has(swapped)) return `#${swapped}#`;
  const dropped = new Set([...digits].map((_, i) => Number(digits.slice(0, i) + digits.slice(i + 1))).filter((c) => known.has(c)));
  return dropped.size === 1 ? `#${[...dropped][0]}#` : undefined;
}
