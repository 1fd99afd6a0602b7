/**
 * The glossary definitions issue 20 found imprecise say what the sources say: 3-2-1 with
 * one copy both offline and away, IT-BCP not limited to natural causes, vulnerabilities that
 * include settings, BCP without "almost stopped", evidence preservation with the original
 * untouched, who and when recorded, and hashes.
 */
import { describe, expect, it } from 'vitest';
import { GLOSSARY_FILE, loadGlossary } from '../../src/glossary/load.ts';
import { ROOT } from '../helpers.ts';

const loaded = loadGlossary(GLOSSARY_FILE, { cwd: ROOT });
const definition = (id: string): string => {
  const term = loaded.terms?.find((t) => t.id === id);
  expect(term, id).toBeDefined();
  return term!.definition;
};

describe('glossary definitions', () => {
  it('バックアップ: three copies with the original, two kinds of media, and one copy both offline and off-site', () => {
    const text = definition('backup');
    expect(text).toMatch(/本番を含めてデータを3つ/);
    expect(text).toMatch(/2種類の異なる媒体/);
    // One and the same copy is cut off from the network and kept away.
    expect(text).toMatch(/そのうち1つはネットワークから切り離したうえで[^。]*離れた場所に置く/);
  });

  it('IT-BCP: any cause that stops the systems, cyber attacks included', () => {
    const text = definition('it-bcp');
    expect(text).toContain('サイバー攻撃も原因に含め');
    expect(text).not.toMatch(/主に想定している。$/);
  });

  it('脆弱性: flaws of settings and operation as well as of design', () => {
    expect(definition('vulnerability')).toMatch(/設定や運用の不備も含む/);
  });

  it('BCP: for a business that has stopped or may stop, not one that "almost stopped"', () => {
    const text = definition('bcp');
    expect(text).not.toContain('止まりかけた');
    expect(text).toContain('止まったとき');
  });

  it('証拠保全: the original untouched, who and when recorded, and hashes', () => {
    const text = definition('evidence-preservation');
    expect(text).toContain('元のデータには手を加えず');
    expect(text).toMatch(/だれがいつ/);
    expect(text).toContain('ハッシュ値');
  });
});
