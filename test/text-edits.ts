/** Edits of fixture text that fail loudly when the fixture changed, and positions in it, for whole-message assertions. */
import { expect } from 'vitest';

/** Replaces exactly one occurrence, so a changed fixture fails here instead of testing nothing. */
export function swap(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `"${from}" once in the example`).toBe(1);
  return text.replace(from, to);
}

/** `line:column` of the first character of `needle` (the n-th occurrence). */
export function at(text: string, needle: string, nth = 1): string {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  expect(index, `"${needle}" in the text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}
