/**
 * Text helpers for the print page.
 *
 * The running header and footer are CSS `content` values, so an answer becomes CSS there:
 * backslashes, quotes and line breaks are escaped so no answer can end the string.
 */
/** A CSS string literal (`"…"`) that holds `text` exactly. */
export function cssString(text: string): string {
  const body = text.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\${c.codePointAt(0)!.toString(16)} `));
  return `"${body}"`;
}

/** `2026-10-01` → `2026年10月1日`, from the text alone (no clock, no time zone). */
export function japaneseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
