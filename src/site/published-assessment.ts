/**
 * The example company's 13-entry assessment is not its own work: it is the example that
 * JNSA West Japan's working group published in its introduction slides (results ①–④ read
 * as 1–4). Where the results are shown, the pages say so while the answers still match it.
 */
import type { Answers } from '../answers/schema.ts';

/** The published example, entry number → result. */
export const PUBLISHED_ASSESSMENT: Readonly<Record<number, number | 'BAD'>> = {
  1: 1,
  2: 'BAD',
  3: 2,
  4: 1,
  5: 1,
  6: 4,
  7: 'BAD',
  8: 1,
  9: 3,
  10: 'BAD',
  11: 1,
  12: 1,
  13: 3,
};

export const PUBLISHED_ASSESSMENT_NOTE =
  'この13の入口の評価は、見本の会社のために新しく行ったものではありません。JNSA 西日本支部の「今すぐ実践できる工場セキュリティ対策のポイント検討WG」が活動紹介の資料で公開している「アセスメント結果の評価例」を、そのまま見本の会社の結果として使っています（評価例の①〜④を 1〜4 と読み、課題の文は見本の会社に合わせて書き直しました）。自社の計画では、自社で入口ごとに評価した結果に置き換えてください。';

/** Whether every one of the 13 results is the published example's. */
export function isPublishedAssessment(answers: Answers): boolean {
  const threats = (answers.threats ?? {}) as Record<string, { result: number | string } | undefined>;
  return Object.entries(PUBLISHED_ASSESSMENT).every(([number, result]) => threats[number]?.result === result);
}
