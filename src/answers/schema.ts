/**
 * The answers file schema: what a company writes in `answers/answers.yaml`.
 *
 * Every object is strict, so a misspelt key is reported instead of silently ignored.
 * Messages for the checks that zod cannot phrase itself are Japanese here; the rest
 * are worded by `error-map.ts`.
 */
import * as z from 'zod';
import { CURRENT_TEMPLATE_VERSION, OUTSIDE_RESPONDER_ID, TEMPLATE_VERSIONS } from '../slots/template.ts';

// C0 controls except none: single-line answers hold no tab, newline or other control,
// nor the bidirectional overrides that make text read differently from how it is stored.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function line(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: '空です。値を書いてください。' })
    .max(max, { error: `長すぎます（${max}文字まで）。短くしてください。` })
    .refine((v) => !CONTROL.test(v), { error: '改行・タブなどの制御文字は使えません。1行の文字で書いてください。' });
}

/** A role or department name (never a person's name). */
export const roleName = line(40).meta({ description: '役職名または部署名（個人名は書かない）' });

export const phoneNumber = z
  .string()
  .trim()
  .regex(/^(\+81-?)?0\d{1,4}-\d{1,4}-\d{3,4}$/, {
    error: '電話番号は半角の数字とハイフンで「06-1234-5678」「090-1234-5678」のように書いてください。',
  })
  .meta({ description: '電話番号（例: 06-1234-5678）' });

export const duration = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,2}(分|時間|日)以内$/, {
    error: '時間は「2時間以内」「30分以内」「3日以内」のように、数字・単位（分・時間・日）・「以内」で書いてください。',
  })
  .meta({ description: '目標時間（例: 2時間以内）' });

export const frequency = z
  .string()
  .trim()
  // 「2年1回」 is readable on purpose: the rule frequency-too-rare then says why it is not enough.
  .regex(/^([1-9]\d?年|年|半年|四半期|月)[1-9]\d?回(以上)?$/, {
    error: '頻度は「年1回」「年2回以上」「半年1回」「月1回」のように書いてください。',
  })
  .meta({ description: '実施頻度（例: 年1回、年1回以上）' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日付は「2026-04-01」のように 年-月-日 で書いてください。' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    error: 'ありえない日付です。',
  })
  .meta({ description: '日付（YYYY-MM-DD）' });

const email = z.email({ error: 'メールアドレスの形になっていません（例: it@example.co.jp）。' });

/** Each slot's own question (src/slots/template.ts), so an editor shows what the slot asks. */
function asks(id: number): string {
  const slot = TEMPLATE_VERSIONS[CURRENT_TEMPLATE_VERSION]?.find((s) => s.id === id);
  return slot ? `#${id}# ${slot.label}: ${slot.question}（見本: ${slot.sample}）` : `#${id}#`;
}

export const slotsSchema = z
  .strictObject({
    1: roleName.meta({ description: asks(1) }),
    2: roleName.meta({ description: asks(2) }),
    3: roleName.meta({ description: asks(3) }),
    4: line(80).meta({ description: asks(4) }),
    5: line(80).meta({ description: asks(5) }),
    6: z.array(line(60)).min(1, { error: 'システムを1つ以上挙げてください。' }).meta({ description: asks(6) }),
    7: duration.meta({ description: asks(7) }),
    8: z.array(roleName).min(2, { error: '報告の順番を2つ以上の役職で書いてください。' }).meta({ description: asks(8) }),
    9: duration.meta({ description: asks(9) }),
    10: roleName.meta({ description: asks(10) }),
    13: z.strictObject({ from: roleName, to: roleName }).meta({ description: asks(13) }),
    14: roleName.meta({ description: asks(14) }),
    15: frequency.meta({ description: asks(15) }),
    16: frequency.meta({ description: asks(16) }),
    17: frequency.meta({ description: asks(17) }),
    18: frequency.meta({ description: asks(18) }),
  })
  .partial()
  .meta({ description: 'ひな形の枠ごとの回答。11・12 は contacts の outside-responder から取る。' });

/** The 13 threat entry points, numbered as in the JNSA handbook series. */
export const THREAT_ENTRY_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;
export type ThreatEntryNumber = (typeof THREAT_ENTRY_NUMBERS)[number];

/**
 * Residual risk of one entry after the company's risk assessment: 1 (small) to 4 (large),
 * or BAD when the company cannot judge it yet (nobody knows how the entry is used), or
 * 未評価 when the assessment has not been done yet (what `bcp init` writes).
 * 3 and 4 count as high: the plan's first response closes those entries first.
 */
export const NOT_YET_ASSESSED = '未評価';
export const residualRisk = z
  .literal([1, 2, 3, 4, 'BAD', NOT_YET_ASSESSED])
  .meta({ description: '残るリスク: 1（小さい）〜4（大きい）、実態が分からず評価できないときは BAD、まだ評価していなければ 未評価' });

// An `id` puts this once under $defs in the JSON Schema instead of 13 copies.
export const threatAssessmentSchema = z
  .strictObject({
    result: residualRisk,
    issue: line(200).optional().meta({ description: 'アセスメントで見つかった課題' }),
  })
  .meta({ id: 'threatAssessment', description: '脅威の入口1件のアセスメント結果' });

export const threatsSchema = z
  .strictObject(
    Object.fromEntries(THREAT_ENTRY_NUMBERS.map((n) => [n, threatAssessmentSchema])) as Record<`${ThreatEntryNumber}`, typeof threatAssessmentSchema>,
  )
  .partial()
  .meta({ description: '脅威の入口（1〜13）ごとのリスクアセスメントの結果。書いていない入口は「未記入」と表示する。' });

export const contactSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id は半角英小文字・数字・ハイフンで書いてください（例: security-officer）。' }),
    role: roleName,
    organisation: line(60).optional().meta({ description: '社外の連絡先の会社・団体名' }),
    person: line(40).optional().meta({ description: '担当者の氏名（公開版では「非公開」と表示）' }),
    reading: line(60)
      .optional()
      .meta({ description: '氏名の読み（カタカナかひらがな。公開版に名前が読みで書かれていないかを確かめるのに使い、どこにも表示しない）' }),
    romaji: line(60)
      .optional()
      .meta({ description: '氏名のローマ字（例: Misaki Nakamura。公開版にローマ字で書かれていないかを確かめるのに使い、どこにも表示しない）' }),
    phone: phoneNumber.optional().meta({ description: '電話番号（公開版では「非公開」と表示）' }),
    mobile: phoneNumber.optional().meta({ description: '携帯電話（社内ネットワークが止まってもつながる番号。公開版では「非公開」と表示）' }),
    email: email.optional().meta({ description: 'メールアドレス（公開版では「非公開」と表示）' }),
    note: line(200).optional(),
    aliases: z
      .array(roleName)
      .optional()
      .meta({ description: '計画や slots でこの役割を別の言い方で書くときの名前（例: 工場長）。1つの名前は1つの連絡先にだけ書く' }),
    deputy: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'deputy には代わりの人の連絡先の id を書いてください（例: general-affairs）。' })
      .optional()
      .meta({ description: 'この人が不在・連絡不能のときに代わる連絡先の id（初動の役割を持つ連絡先には必ず書く）' }),
    public: z
      .boolean()
      .optional()
      .meta({ description: 'true: 会社の代表番号や窓口なので、公開版でも氏名・電話・メールを伏せない' }),
  })
  .refine((c) => c.phone !== undefined || c.mobile !== undefined || c.email !== undefined, {
    error: '連絡手段（phone・mobile・email のどれか）を1つ以上書いてください。',
  });

export const revisionSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+$/, { error: '版は「1.0」「1.1」のように書いてください。' }),
  date: isoDate,
  summary: line(200),
  approvedBy: roleName.meta({ description: '承認した役職' }),
});

/** When the plan was last reviewed, taught, drilled and audited: `bcp check` counts the due dates from these. */
export const upkeepSchema = z
  .strictObject({
    lastReview: isoDate.optional().meta({ description: '計画を最後に見直した日（改訂履歴の日付が新しければそちらを使う）' }),
    lastEducation: isoDate.optional().meta({ description: '従業員教育を最後に行った日' }),
    lastDrill: isoDate.optional().meta({ description: '訓練を最後に行った日' }),
    lastAudit: isoDate.optional().meta({ description: '内部監査を最後に行った日' }),
    followUps: z
      .array(
        z.strictObject({
          drill: isoDate.meta({ description: '課題が見つかった訓練の日' }),
          finding: line(300).meta({ description: '課題（うまくいかなかったこと・足りなかったもの）' }),
          change: line(300).optional().meta({ description: '計画の変更（どこをどう直すか）' }),
          owner: roleName.meta({ description: '担当（役職）' }),
          due: isoDate.meta({ description: '期限' }),
        }),
      )
      .optional()
      .meta({ description: '訓練の振り返りで見つかった課題と担当・期限（bcp review が書く形）。社内だけのもの。' }),
    // issue 23: the incident kit (poster, wallet cards) printed from which version, and when.
    lastKitPrint: z
      .strictObject({
        date: isoDate.meta({ description: 'ポスターと携帯カードを最後に印刷して配った日' }),
        version: z.string().regex(/^\d+\.\d+$/, { error: '版は「1.0」「1.1」のように書いてください。' }).meta({ description: 'そのとき印刷した計画の版' }),
      })
      .optional()
      .meta({ description: '緊急時キット（ポスター・携帯カード）を最後に印刷した日と計画の版。改訂がこれより新しいと bcp check が刷り直しを促す' }),
    asOf: isoDate
      .optional()
      .meta({ description: '期限を数える基準日。見本の会社専用（自社の回答には書かない。書くと今日の日付の代わりに使われ、期限切れを見逃す）' }),
  })
  .meta({ description: '見直し・教育・訓練・監査を最後に行った日。書いていない項目は初版の日付から数える。' });

/** Rules that the answers may set aside by saying why (the reason is shown to reviewers in the check). */
export const waiversSchema = z
  .strictObject({
    'report-slower-than-grasp': line(200).meta({ description: '最終報告先への報告（#9#）が概況把握（#7#）より遅くてよい理由' }),
  })
  .partial()
  .meta({ description: 'ルールから外れてよい理由。書いたルールはエラーにしない。' });

// issue 21: a sample value chosen on purpose.
/** Slots whose sample value (the template's or the example company's) the company chose on purpose. */
export const confirmedSchema = z
  .array(z.int().min(1).max(99))
  .meta({ description: '見本どおりの値を自社の答えとして選んだ枠の番号（例: [15, 16]）。この枠には「見本のまま」の警告を出さない' });

// --- bia (issue 12): business impact, recovery order and backup facts ---------------

/** The three levels of the business-impact matrix, for a process's impact and a system's dependency alike. */
export const IMPACT_LEVELS = ['高', '中', '低'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];
export const impactLevel = z.literal(IMPACT_LEVELS).meta({ description: '影響の大きさ: 高・中・低' });

/** How much a process depends on a system (BCAO's three classes): 松 cannot run by hand, 竹 can with the data, 梅 barely needs it. */
export const DEPENDENCY_CLASSES = ['松', '竹', '梅'] as const;
export type DependencyClass = (typeof DEPENDENCY_CLASSES)[number];

const axisId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id は半角英小文字・数字・ハイフンで書いてください（例: delivery）。' });

export const biaAxisSchema = z
  .strictObject({
    id: axisId,
    name: line(30).meta({ description: '影響を測る軸の名前（例: 納期・出荷）' }),
    criteria: z
      .strictObject({ 高: line(120), 中: line(120), 低: line(120) })
      .meta({ description: '高・中・低それぞれの判定基準（業務が止まったら何が起きるか）' }),
  })
  .meta({ id: 'biaAxis', description: '業務が止まったときの影響を測る軸' });

export const biaProcessSchema = z
  .strictObject({
    name: line(40).meta({ description: '業務の名前（例: 受注・生産計画）' }),
    impact: z.record(z.string(), impactLevel).meta({ description: '軸の id ごとの影響（高・中・低）。すべての軸について書く' }),
    systems: z
      .array(
        z.strictObject({
          system: line(60).meta({ description: 'bia.systems の name と同じ名前' }),
          dependency: z.literal(DEPENDENCY_CLASSES).meta({
            description: 'システム依存度: 松（止まると手作業では回らない）・竹（データがあれば手作業で代われる）・梅（なくても何とかなる）',
          }),
        }),
      )
      .min(1, { error: 'この業務が使うシステムを1つ以上書いてください。' }),
  })
  .meta({ id: 'biaProcess', description: '事業を続けるための業務1件' });

export const backupCopySchema = z
  .strictObject({
    kind: line(60).meta({
      description: 'このコピーの媒体の種類（例: NAS、外付けHDD、クラウドのバックアップサービス）。クラウドサービスの事業者が持つ本番のデータそのものはコピーに数えない',
    }),
    offline: z.boolean().optional().meta({ description: 'true: ネットワークから切り離している、または書き換えられない（イミュータブルな）コピー' }),
    offsite: z.boolean().optional().meta({ description: 'true: 本番とは別の建物・遠隔地に置いている（place にその場所を書く）' }),
    place: line(60).optional().meta({ description: '置き場所（例: 本社事務所の金庫、工場のサーバラック）' }),
  })
  .meta({ id: 'backupCopy', description: '本番とは別に持つバックアップのコピー1つ' });

export const backupSchema = z
  .strictObject({
    copies: z
      .array(backupCopySchema)
      .min(1, { error: 'バックアップのコピーを1つ以上書いてください（なければ backup ごと消します）。' })
      .meta({ description: '本番とは別に持つコピー（3-2-1 では2つ以上・2種類以上の媒体・1つはオフライン・1つは場所を書いて別の場所）' }),
    schedule: line(40).optional().meta({ description: 'バックアップを取る頻度（例: 毎日 22時）。復旧後に打ち直すデータの範囲の目安になる' }),
    lastRestoreTest: isoDate.optional().meta({ description: 'バックアップから実際に戻してみた最後の日' }),
  })
  .meta({ id: 'backup', description: 'システム1つのバックアップの状況' });

export const biaSystemSchema = z
  .strictObject({
    name: line(60).meta({ description: 'システムの名前（業務の systems で使う名前）' }),
    rto: duration.optional().meta({ description: '目標復旧時間 RTO（例: 1日以内）。優先度 S・A のシステムには必須' }),
    fallback: line(120).optional().meta({ description: '止まっている間の代わりのやり方（暫定復旧の中身）' }),
    reentry: line(120).optional().meta({ description: '最後のバックアップ以降に失われたデータを何から打ち直すか' }),
    backup: backupSchema.optional(),
  })
  .meta({ id: 'biaSystem', description: '業務が使うシステム1つ' });

export const biaSchema = z
  .strictObject({
    restartTarget: duration
      .optional()
      .meta({ description: '工場の操業（生産と出荷）を再開する目標（例: 2日以内）。優先度 S・A のシステムの RTO はこの中に収める' }),
    axes: z.array(biaAxisSchema).min(1, { error: '影響を測る軸を1つ以上書いてください。' }),
    processes: z.array(biaProcessSchema).min(1, { error: '業務を1つ以上書いてください。' }),
    systems: z.array(biaSystemSchema).min(1, { error: 'システムを1つ以上書いてください。' }),
    backupReadiness: z
      .literal(['warning', 'error'])
      .optional()
      .meta({ description: '優先度 S・A のシステムにオフラインのコピーや1年以内の復元テストがないときの扱い: warning（既定）か error' }),
  })
  .superRefine((bia, ctx) => {
    const axisIds = new Set<string>();
    bia.axes.forEach((axis, index) => {
      if (axisIds.has(axis.id)) ctx.addIssue({ code: 'custom', path: ['axes', index, 'id'], message: `軸の id「${axis.id}」が重複しています。` });
      axisIds.add(axis.id);
    });
    bia.processes.forEach((process, index) => {
      for (const key of Object.keys(process.impact)) {
        if (!axisIds.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['processes', index, 'impact', key], message: `軸「${key}」は axes にありません（ある軸: ${[...axisIds].join('、')}）。` });
        }
      }
      const missing = [...axisIds].filter((id) => process.impact[id] === undefined);
      if (missing.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['processes', index, 'impact'], message: `軸 ${missing.join('、')} の影響（高・中・低）がありません。すべての軸について書いてください。` });
      }
    });
    const names = new Set<string>();
    bia.systems.forEach((system, index) => {
      if (names.has(system.name)) ctx.addIssue({ code: 'custom', path: ['systems', index, 'name'], message: `システム「${system.name}」が重複しています。` });
      names.add(system.name);
    });
  })
  .meta({ description: '業務への影響分析（BIA）: 業務・影響の軸・システムと、システムごとの RTO とバックアップ。社内版だけに出る' });

export const answersSchema = z
  .strictObject({
    templateVersion: line(10).meta({ description: 'この回答が答えているひな形の版（例: "1.0"）' }),
    company: z.strictObject({
      name: line(60),
      shortName: line(30).optional(),
      industry: line(80).optional(),
      employees: z.int().positive().optional(),
      address: line(120).optional(),
    }),
    plan: z.strictObject({
      title: line(60),
      confidentiality: line(20).meta({ description: '表紙とフッターに出す機密区分（例: 社外秘）' }),
      // issue 20: absolute links in the automotive CSV
      siteUrl: z
        .url({ protocol: /^https?$/, error: 'http:// か https:// で始まるサイトの URL を書いてください。' })
        .optional()
        .meta({ description: '社内でサイトを公開している URL（例: https://intra.example.jp/bcp/）。書くと、自動車ガイドラインの CSV の根拠が絶対 URL のリンクになる' }),
    }),
    slots: slotsSchema,
    threats: threatsSchema.optional(),
    contacts: z.array(contactSchema).min(1, { error: '連絡先を1件以上書いてください。' }),
    revisions: z.array(revisionSchema).min(1, { error: '改訂履歴を1件以上書いてください。' }),
    upkeep: upkeepSchema.optional(),
    waivers: waiversSchema.optional(),
    confirmed: confirmedSchema.optional(),
    bia: biaSchema.optional(),
    containment: z
      .array(z.literal([...THREAT_ENTRY_NUMBERS]))
      .min(1)
      .optional()
      .meta({
        description:
          '被害の拡大を防ぐとき先に止める入口の番号（止める順）。評価 3・4・BAD の入口とインターネットの出入口（8）を含め、BAD は大きいものとして低い評価の入口より前に置く。書かなければ 8 と評価 4・BAD・3 の入口の順',
      }),
    externalCommunication: z
      .strictObject({
        decidedBy: roleName.meta({ description: '社外（取引先・報道・公的機関）に何を伝えるかを決める役割（計画の「経営層」）。1つの役割にする' }),
      })
      .optional()
      .meta({ description: '社外への連絡を決める人' }),
  })
  .superRefine((answers, ctx) => {
    const seen = new Set<string>();
    answers.contacts.forEach((contact, index) => {
      if (seen.has(contact.id)) {
        ctx.addIssue({ code: 'custom', path: ['contacts', index, 'id'], message: `id「${contact.id}」が重複しています。連絡先ごとに別の id にしてください。` });
      }
      seen.add(contact.id);
    });
    const order = answers.containment ?? [];
    order.forEach((entry, index) => {
      if (order.indexOf(entry) !== index) {
        ctx.addIssue({ code: 'custom', path: ['containment', index], message: `入口 ${entry} が2回書かれています。1回だけにしてください。` });
      }
    });
    const responder = answers.contacts.find((c) => c.id === OUTSIDE_RESPONDER_ID);
    if (responder && responder.organisation === undefined) {
      const index = answers.contacts.indexOf(responder);
      ctx.addIssue({ code: 'custom', path: ['contacts', index], message: '外部専門家（outside-responder）には organisation（会社名）を書いてください。' });
    }
  });

export type Answers = z.infer<typeof answersSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type SlotAnswers = z.infer<typeof slotsSchema>;
export type ThreatAssessment = z.infer<typeof threatAssessmentSchema>;
export type ResidualRisk = z.infer<typeof residualRisk>;
export type Bia = z.infer<typeof biaSchema>;
export type BiaSystem = z.infer<typeof biaSystemSchema>;
export type Backup = z.infer<typeof backupSchema>;
export type BackupCopy = z.infer<typeof backupCopySchema>;
