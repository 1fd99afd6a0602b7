/**
 * The glossary file schema (`content/glossary.yaml`): one entry per term, with the
 * reading that sorts it, the other spellings the site links in text, and our own
 * definition. Checks that span entries (unique ids and spellings, related ids that
 * exist) are here too, so every problem comes back as one zod issue with a path.
 */
import * as z from 'zod';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// Hiragana and the long-vowel mark: what a person types as ふりがな.
const READING = /^[ぁ-ゖー]+$/;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: '空です。値を書いてください。' })
    .max(max, { error: `長すぎます（${max}文字まで）。短くしてください。` })
    .refine((v) => !/[\n\t]/.test(v), { error: '改行やタブは使えません。1行で書いてください。' });

const termId = z.string().regex(ID, { error: 'id は半角英小文字・数字・ハイフンで書いてください（例: residual-risk）。' });

export const glossaryTermSchema = z.strictObject({
  /** Stable anchor on the glossary page: `glossary.html#term-<id>`. */
  id: termId,
  /** The headword as shown on the glossary page. */
  term: text(40),
  /** ふりがな in hiragana; sorts the page and picks the 五十音 group. */
  reading: z.string().regex(READING, { error: '読みはひらがな（長音「ー」可）で書いてください（例: ぜいじゃくせい）。' }),
  /** Other spellings that count as this term in text (ぜい弱性 for 脆弱性). */
  aliases: z.array(text(40)).default([]),
  /** Words staff type for this term that the text does not use (コピー機 for 複合機): search finds the term's pages by them. */
  synonyms: z.array(text(40)).default([]),
  /** One or two sentences in our own words. */
  definition: text(200),
  /** Ids of terms a reader may want next. */
  related: z.array(termId).default([]),
});

export const glossarySchema = z
  // The issue asks for at least 40 terms (worded by the shared error map).
  .strictObject({ terms: z.array(glossaryTermSchema).min(40) })
  // Messages start in Japanese: the error map replaces ones that start in ASCII (zod's own).
  .superRefine(({ terms }, ctx) => {
    const ids = new Map<string, number>();
    const spellings = new Map<string, number>();
    terms.forEach((entry, index) => {
      if (ids.has(entry.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['terms', index, 'id'],
          message: `「${entry.id}」という id は ${ids.get(entry.id)! + 1} 件目と重なっています。別の id にしてください。`,
        });
      }
      ids.set(entry.id, index);
      [entry.term, ...entry.aliases].forEach((spelling, k) => {
        const owner = spellings.get(spelling);
        if (owner !== undefined && owner !== index) {
          const path = k === 0 ? ['terms', index, 'term'] : ['terms', index, 'aliases', k - 1];
          ctx.addIssue({ code: 'custom', path, message: `「${spelling}」は「${terms[owner]!.term}」の書き方として登録済みです。どちらかにまとめてください。` });
        }
        spellings.set(spelling, index);
      });
    });
    terms.forEach((entry, index) => {
      entry.related.forEach((id, k) => {
        if (id === entry.id || !ids.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['terms', index, 'related', k],
            message: `関連語の id「${id}」は${id === entry.id ? 'この用語自身です' : '用語集にありません'}。`,
          });
        }
      });
    });
  });

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

/** The fragment id of a term on the glossary page. */
export function termAnchor(id: string): string {
  return `term-${id}`;
}
