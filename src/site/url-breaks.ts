/**
 * Where a long URL may break on a narrow screen or in a binder column: after each `/`
 * (after `//` as a whole) and before each `.`, so a line ends at a natural point
 * (`https://www.ipa.go.jp/` + `security/…`) instead of every few characters.
 * The pieces are rendered with a `<wbr>` between them (src/components/UrlText.astro).
 */
export function urlBreakPieces(url: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < url.length; i++) {
    const c = url[i]!;
    if (c === '.' && current !== '' && !current.endsWith('/')) {
      pieces.push(current);
      current = '';
    }
    current += c;
    if (c === '/' && url[i + 1] !== '/') {
      pieces.push(current);
      current = '';
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}
