/**
 * Who must be told of an incident, by when and with what: the 「いつ・どこへ・何を」 table
 * shown on the contacts page and in the binder's contact section (one component,
 * `ReportingDuties.astro`, for both).
 *
 * The deadlines are the Personal Information Protection Commission's (the Act on the
 * Protection of Personal Information and its enforcement rules): a prompt report within
 * about 3 to 5 days, a final report within 30 days, or 60 days when the leak may have been
 * caused on purpose, such as by a cyber attack. Everything else is in our words. Which
 * duty is a legal one and which is voluntary is a field, so the table and the tests can
 * tell them apart. `REPORTING_DUTIES_AS_OF` says when the facts were last checked.
 */

export type DutyKind = '法令の義務' | '契約による義務' | '任意（強く勧める）';

export interface ReportingDuty {
  /** Stable, for anchors and tests. */
  id: string;
  /** Whom to tell. */
  to: string;
  /** When the duty arises and by when, one line each. */
  when: readonly string[];
  /** What to tell them. */
  what: readonly string[];
  kind: DutyKind;
  /** A note under the row (who decides, what counts). */
  note?: string;
  /** The public window (src/site/public-windows.ts) the row refers to, if any. */
  window?: string;
  /** A slot whose answer (a duration) ends the last `when` line, followed by 「に」. */
  whenSlot?: number;
}

/** When the facts were last checked against the law and the windows' pages. */
export const REPORTING_DUTIES_AS_OF = '2026年12月時点';

export const REPORTING_DUTIES: readonly ReportingDuty[] = [
  {
    id: 'ppc',
    to: '個人情報保護委員会',
    when: [
      '速報: 漏えい等（そのおそれを含む）に気づいてから速やかに（おおむね3〜5日以内）',
      '確報: 気づいてから30日以内。サイバー攻撃のように不正な目的で起きたおそれがあるときは60日以内',
    ],
    what: ['何が起きたか、漏れた個人データの項目と人数', '原因、二次被害のおそれ', '本人への対応、公表の有無、再発防止策（速報は分かっている範囲で）'],
    kind: '法令の義務',
    note: 'サイバー攻撃など不正な目的によるおそれがあれば、人数にかかわらず報告の対象です。ほかに、要配慮個人情報が含まれるとき、財産的な被害のおそれがあるとき、1,000人を超えるときも対象です。',
    window: 'ppc-leak',
  },
  {
    id: 'people',
    to: '本人（情報が漏れた取引先の担当者・従業員など）',
    when: ['個人情報保護委員会への報告が要るときは、状況に応じて速やかに'],
    what: ['何が起きたか、漏れた情報の項目', '原因、二次被害のおそれと本人が取れる備え', '問い合わせ先'],
    kind: '法令の義務',
    note: '連絡先が分からないなど本人に知らせるのが難しいときは、公表と問い合わせ窓口で代えます。',
  },
  {
    id: 'police',
    to: '警察（都道府県警察のサイバー犯罪相談窓口）',
    when: ['不正アクセス、脅迫、身代金の要求など犯罪の疑いがあると分かった時点で、できるだけ早く'],
    what: ['被害の状況と時刻', '脅迫文の写し、保全したログや不審なファイル'],
    kind: '任意（強く勧める）',
    note: '届け出るかは対策本部が決めます。捜査に協力できるよう、証拠は消さずに残します。',
    window: 'police',
  },
  {
    id: 'ipa',
    to: 'IPA（情報処理推進機構）',
    when: ['ウイルス感染や不正アクセスが分かったとき（届出は被害が落ち着いてからでもよい）'],
    what: ['届出の様式に沿った被害の内容、感染や侵入の経路、取った対策'],
    kind: '任意（強く勧める）',
    note: '法令の義務ではありませんが、届出と相談が同じ被害を防ぐ情報になります。',
    window: 'ipa-report',
  },
  {
    id: 'customers',
    to: '取引先・顧客（契約や取引先の基準で報告を求めている相手）',
    when: ['契約や取引先の基準が決めた期限まで', '当社の決まりでは、報告ルートの最後の相手まで、第一報を検知から'],
    whenSlot: 9,
    what: ['第一報: いつ・どこで・何が起きたか（5W1H）、納期や預かった情報への影響', '続報: 対応の経過、復旧の見通し、再発防止策'],
    kind: '契約による義務',
    note: '期限と窓口は取引先ごとに違います。取引基本契約や秘密保持契約を平時に読み、連絡先の一覧の備考に書いておきます。',
  },
  {
    id: 'ministry',
    to: '所管の省庁',
    when: ['業法などが届出を求めているとき、その法令の期限まで'],
    what: ['法令や省庁の様式が求める事項'],
    kind: '法令の義務',
    note: 'どの法令が当社に当てはまるかは、平時に確かめておきます。',
    window: 'ministry',
  },
];
