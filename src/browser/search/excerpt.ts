/**
 * A piece of a section's text around a match, as parts `{ text, mark }`, so the page builds
 * it from text nodes (answers quoted in the text are never parsed as HTML).
 */
import { normalizeWithMap } from './normalize.ts';

export interface Part {
  text: string;
  mark: boolean;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

/**
 * Around the first occurrence of the first of `forms` lists (rarest term first) that the
 * text has; the start of the text when none is there (the match was in the heading).
 */
export function excerpt(text: string, formsByRarity: readonly (readonly string[])[], around = 40): Part[] {
  const n = normalizeWithMap(text);
  let hit = -1;
  let hitLen = 0;
  for (const forms of formsByRarity) {
    for (const form of forms) {
      const at = n.text.indexOf(form);
      if (at !== -1 && (hit === -1 || at < hit)) {
        hit = at;
        hitLen = form.length;
      }
    }
    if (hit !== -1) break;
  }
  if (hit === -1) {
    const head = text.slice(0, around * 2);
    return [{ text: flat(head) + (text.length > head.length ? '…' : ''), mark: false }];
  }
  const start = n.starts[hit]!;
  let end = n.ends[hit + hitLen - 1]!;
  // Folding dropped a word-final ー (サーバー → さーば); mark it too.
  while (end < text.length && (text[end] === 'ー' || text[end] === 'ｰ')) end++;
  const from = Math.max(0, start - around);
  const to = Math.min(text.length, end + around);
  return [
    { text: (from > 0 ? '…' : '') + flat(text.slice(from, start)), mark: false },
    { text: flat(text.slice(start, end)), mark: true },
    { text: flat(text.slice(end, to)) + (to < text.length ? '…' : ''), mark: false },
  ].filter((part) => part.text);
}
