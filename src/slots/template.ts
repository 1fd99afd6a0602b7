/**
 * The slots of the plan template, per template version: what each one asks, what kind
 * of answer it takes and where in the answers file that answer lives.
 *
 * The structure follows the public template 「中小製造業向けサイバー対応 IT-BCP サンプル
 * Ver. 1.0」; the questions are our own wording. Slots 11 and 12 are read from the
 * contact list, so a phone number is written once.
 */

export type SlotKind = 'role' | 'condition' | 'systems' | 'duration' | 'route' | 'report-line' | 'organisation' | 'phone' | 'frequency';

export interface SlotDefinition {
  id: number;
  kind: SlotKind;
  /** Short Japanese label of what the slot means. */
  label: string;
  /** The question a company answers for this slot. */
  question: string;
  /** The template's example value. */
  sample: string;
  /** Where the answer lives in the answers file (dotted path). */
  answerPath: string;
  /**
   * Bumped when a new template version keeps the slot's number but asks something else,
   * so an old answer no longer applies (default 1). Rewording the question is not that.
   */
  meaning?: number;
}

/** The contact whose organisation and phone fill slots 11 and 12. */
export const OUTSIDE_RESPONDER_ID = 'outside-responder';

const V1_0: readonly SlotDefinition[] = [
  {
    id: 1,
    kind: 'role',
    label: '最初の報告先',
    question: '異常に気づいた社員が、まず知らせる相手の役職（または部署）は何ですか。',
    sample: '情報セキュリティ担当者',
    answerPath: 'slots.1',
  },
  {
    id: 2,
    kind: 'role',
    label: 'もう一つの報告先',
    question:
      '最初の報告先（枠1）と並んで、異常の知らせを受け付けるもう一つの窓口（部署や役職）はどこですか。ひな形はどちらに知らせてもよい形で並べています（使い分けを決めるなら、それは自社の決まりとして書き添えます）。',
    sample: '指定された窓口',
    answerPath: 'slots.2',
  },
  {
    id: 3,
    kind: 'role',
    label: '対応の中心となる役割',
    question: '攻撃が疑われるとき、初期対応と状況把握を中心になって進める役職は何ですか。',
    sample: '情報セキュリティ担当者',
    answerPath: 'slots.3',
  },
  {
    id: 4,
    kind: 'condition',
    label: '複数装置の同時異常に気づく手段',
    question: '工場の複数の装置やパソコンが同時におかしくなったことに、何をきっかけに気づけますか（「…し、」で終わる句）。',
    sample: '工場内でアラートが発生し、',
    answerPath: 'slots.4',
  },
  {
    id: 5,
    kind: 'condition',
    label: '通信量の異常を確かめる手段',
    question: '社内・工場内の通信量の異常は、どの仕組みで確かめられますか（「…により」で終わる句）。',
    sample: '工場内のネットワークトラフィック監視により',
    answerPath: 'slots.5',
  },
  {
    id: 6,
    kind: 'systems',
    label: '証拠として保全するログの所在',
    question: 'ログを記録・収集しているシステムや機器はどれですか（一覧）。',
    sample: 'ログを収集しているシステム',
    answerPath: 'slots.6',
  },
  {
    id: 7,
    kind: 'duration',
    label: '概況把握の目標時間',
    question: '異常の検知から、被害のおおよその状況をつかむまでの目標時間は（例: 2時間以内）。',
    sample: '2時間以内',
    answerPath: 'slots.7',
  },
  {
    id: 8,
    kind: 'route',
    label: 'エスカレーションルート',
    question: '状況報告を回す順番を、最初の担当者から最後の報告先まで順に挙げてください（役職の一覧）。',
    sample: '情報セキュリティ担当者 → …… → 取引先',
    answerPath: 'slots.8',
  },
  {
    id: 9,
    kind: 'duration',
    label: '最終報告先への報告期限',
    question:
      'ルートの最後の相手には、どれくらいの時間内に報告を届けますか（例: 1時間以内）。ひな形は起点を決めていません。このサイトの計画は「検知から」数え、届けるのは第一報とします。',
    sample: '1時間以内',
    answerPath: 'slots.9',
  },
  {
    id: 10,
    kind: 'role',
    label: '対策本部の責任者',
    question: '対策本部を置くとき、その責任者になる役職は何ですか。',
    sample: '製造部門担当役員',
    answerPath: 'slots.10',
  },
  {
    id: 11,
    kind: 'organisation',
    label: '外部専門家',
    question: '調査や復旧を頼む外部の専門会社はどこですか（連絡先一覧の id: outside-responder の organisation）。',
    sample: 'xxシステム株式会社',
    answerPath: `contacts[id=${OUTSIDE_RESPONDER_ID}].organisation`,
  },
  {
    id: 12,
    kind: 'phone',
    label: '外部専門家の電話番号',
    question: 'その会社に緊急時につながる電話番号は（連絡先一覧の id: outside-responder の phone）。',
    sample: 'xxxx-xx-xxxx',
    answerPath: `contacts[id=${OUTSIDE_RESPONDER_ID}].phone`,
  },
  {
    id: 13,
    kind: 'report-line',
    label: '日次の進捗報告（誰から誰へ）',
    question: '対応中の毎日の進捗報告は、誰から誰へ行いますか（from と to）。',
    sample: '情報セキュリティ担当者から経営層',
    answerPath: 'slots.13',
  },
  {
    id: 14,
    kind: 'role',
    label: '公的機関への連絡と、報道発表で連携する部門',
    question: '個人情報の漏えいの疑いや脅迫があったときに公的機関の窓口へ連絡する部門はどこですか。報道発表を検討するときも、この部門と連携します。',
    sample: '法務部門',
    answerPath: 'slots.14',
  },
  { id: 15, kind: 'frequency', label: '計画の見直し頻度', question: 'この計画を見直す頻度は（例: 年1回）。', sample: '年1回', answerPath: 'slots.15' },
  {
    id: 16,
    kind: 'frequency',
    label: '従業員教育の頻度',
    question: '計画とセキュリティについての社員教育の頻度は（例: 年1回）。',
    sample: '年1回',
    answerPath: 'slots.16',
  },
  { id: 17, kind: 'frequency', label: '訓練の頻度', question: 'インシデントを想定した訓練の頻度は（例: 年1回）。', sample: '年1回', answerPath: 'slots.17' },
  {
    id: 18,
    kind: 'frequency',
    label: '内部監査の頻度',
    question: '法令が守られているかを確かめる内部監査の頻度は（例: 年1回以上）。',
    sample: '年1回以上',
    answerPath: 'slots.18',
  },
];

/** Every template version this tool knows, oldest first. */
export const TEMPLATE_VERSIONS: Readonly<Record<string, readonly SlotDefinition[]>> = {
  '1.0': V1_0,
};

/** The version the content in `content/plan/` is written against. */
export const CURRENT_TEMPLATE_VERSION = '1.0';

export function slotsOf(version: string = CURRENT_TEMPLATE_VERSION): readonly SlotDefinition[] {
  const slots = TEMPLATE_VERSIONS[version];
  if (!slots) throw new Error(`unknown template version ${version}`);
  return slots;
}

export function slotById(id: number, version: string = CURRENT_TEMPLATE_VERSION): SlotDefinition | undefined {
  return slotsOf(version).find((slot) => slot.id === id);
}

export interface TemplateDiff {
  /** In `to` only. */
  added: SlotDefinition[];
  /** In `from` only. */
  removed: SlotDefinition[];
  /** In both, but `to` means something else (its definition in `to`): an old answer does not apply. */
  changed: SlotDefinition[];
}

/** What moving answers from one template version to another adds, drops and re-asks. */
export function diffTemplateVersions(from: readonly SlotDefinition[], to: readonly SlotDefinition[]): TemplateDiff {
  const fromById = new Map(from.map((s) => [s.id, s]));
  const toIds = new Set(to.map((s) => s.id));
  const remeant = (before: SlotDefinition, after: SlotDefinition) =>
    before.kind !== after.kind || before.answerPath !== after.answerPath || (before.meaning ?? 1) !== (after.meaning ?? 1);
  return {
    added: to.filter((s) => !fromById.has(s.id)),
    removed: from.filter((s) => !toIds.has(s.id)),
    changed: to.filter((s) => fromById.has(s.id) && remeant(fromById.get(s.id)!, s)),
  };
}
