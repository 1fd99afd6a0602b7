/**
 * markdownlint rule `bcp-heading-space`: MD018 (no space after the `#` of a heading)
 * that knows the template's slots. A line that starts with a slot (`#3#担当者#3#が…`)
 * is a paragraph, not a heading, so MD018 would be a false alarm there; `##見出し`
 * without its space, an easy slip when typing Japanese, is still reported.
 * `.markdownlint-cli2.jsonc` turns MD018 off and loads this rule instead.
 */
import type { MicromarkToken, Rule } from 'markdownlint';
import { scanMarkers } from '../src/slots/syntax.ts';

// Blocks whose lines are not Markdown headings, as MD018 skips them.
const LITERAL_BLOCKS = new Set(['codeFenced', 'codeIndented', 'htmlFlow', 'mathFlow']);

const rule: Rule = {
  names: ['bcp-heading-space', 'no-missing-space-atx-except-slots'],
  description: 'No space after hash on atx style heading (a line that starts with a slot #N# is not a heading)',
  tags: ['headings', 'atx', 'spaces'],
  parser: 'micromark',
  function(params, onError) {
    const literal = new Set<number>();
    const walk = (tokens: readonly MicromarkToken[]) => {
      for (const token of tokens) {
        if (LITERAL_BLOCKS.has(token.type)) for (let line = token.startLine; line <= token.endLine; line++) literal.add(line);
        else walk(token.children);
      }
    };
    walk(params.parsers.micromark.tokens);

    params.lines.forEach((line, index) => {
      if (literal.has(index + 1) || !/^#+[^#\s]/.test(line) || /#\s*$/.test(line)) return;
      if (scanMarkers(line).markers[0]?.start === 0) return;
      const hashes = /^#+/.exec(line)![0].length;
      onError({ lineNumber: index + 1, context: line.trim(), range: [1, hashes + 1], fixInfo: { editColumn: hashes + 1, insertText: ' ' } });
    });
  },
};

export default rule;
