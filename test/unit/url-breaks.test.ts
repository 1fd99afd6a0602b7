/** Long URLs break after `/` and before `.`, never inside a word (issue 21). */
import { describe, expect, it } from 'vitest';
import { urlBreakPieces } from '../../src/site/url-breaks.ts';

describe('urlBreakPieces', () => {
  it('cuts after each slash and before each dot, keeping `//` whole', () => {
    expect(urlBreakPieces('https://www.ipa.go.jp/security/todokede/index.html')).toEqual([
      'https://',
      'www',
      '.ipa',
      '.go',
      '.jp/',
      'security/',
      'todokede/',
      'index',
      '.html',
    ]);
  });

  it('gives back the URL when joined, and a short word as one piece', () => {
    const url = 'https://example.com/a.b/?q=1#x';
    expect(urlBreakPieces(url).join('')).toBe(url);
    expect(urlBreakPieces('example')).toEqual(['example']);
  });
});
