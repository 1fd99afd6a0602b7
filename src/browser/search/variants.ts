/**
 * Spellings of one word that must find the same pages. Width, kana, small vowels and a
 * word-final ー are already folded by `normalize`; this list is for what folding cannot
 * see: okurigana (持ち込み/持込), kanji or kana (脆弱性/ぜい弱性), loan-word spellings
 * (ウェア/ウエア) and synonyms the plan uses side by side (PC/パソコン).
 */
import { normalize } from './normalize.ts';

export const VARIANTS: readonly (readonly string[])[] = [
  ['サーバー', 'サーバ'],
  ['ユーザー', 'ユーザ'],
  ['コンピューター', 'コンピュータ'],
  ['メモリー', 'メモリ'],
  ['プリンター', 'プリンタ'],
  ['ルーター', 'ルータ'],
  ['メール', 'eメール', 'Eメール', '電子メール'],
  ['パソコン', 'PC', 'パーソナルコンピュータ'],
  ['ウイルス', 'ウィルス'],
  ['ソフトウェア', 'ソフトウエア'],
  ['ランサムウェア', 'ランサムウエア'],
  ['マルウェア', 'マルウエア'],
  ['ファームウェア', 'ファームウエア'],
  ['脆弱性', 'ぜい弱性'],
  ['漏洩', '漏えい'],
  ['改竄', '改ざん'],
  ['隠蔽', '隠ぺい'],
  ['毀損', 'き損'],
  ['ログイン', 'ログオン', 'サインイン'],
  ['問い合わせ', '問合せ', '問い合せ', '問合わせ'],
  ['取り扱い', '取扱い', '取扱'],
  ['切り離す', '切離す'],
  ['切り離し', '切離し'],
  ['持ち込み', '持込み', '持込'],
  ['持ち出し', '持出し', '持出'],
  ['書き換え', '書換え', '書換'],
  ['二要素認証', '2要素認証', '多要素認証'],
  ['Wi-Fi', 'WiFi', '無線LAN'],
];

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** The groups folded, longest spelling first (so eメール is found before メール). */
const FOLDED: readonly string[][] = VARIANTS.map((group) => unique(group.map(normalize)).sort((a, b) => b.length - a.length));

/**
 * The folded `word` and every spelling it has by the list: each listed spelling found in
 * it replaced by the others of its group. Only the longest spelling found counts, so
 * eメール gives メール, not eeメール.
 */
export function spellings(word: string): string[] {
  const out = [word];
  for (const group of FOLDED) {
    const found = group.find((member) => word.includes(member));
    if (!found) continue;
    for (const other of group) if (other !== found) out.push(word.split(found).join(other));
  }
  return unique(out);
}
