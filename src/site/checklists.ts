/**
 * The three checklists, generated from the plan's structure and the company's answers:
 * incident response (the flow of chapter 3), readiness (what must exist beforehand) and
 * upkeep (chapter 6 and 7.2 at the answered frequencies).
 *
 * Answer text is kept apart from our own words (`{ answer }` parts) so the page can put
 * it in `data-answer` elements, the HTML guard's mark for "the company's words, as text".
 */
import type { Answers } from '../answers/schema.ts';
import type { SlotValues } from '../answers/values.ts';
import { outsideResponder } from '../answers/values.ts';
import { OUTSIDE_RESPONDER_ID } from '../template/slots.ts';
import { PAGES } from './paths.ts';
import { assessmentOf, highRiskNumbers, unknownRiskNumbers } from './threats.ts';

/** A piece of item text: our words, or an answer shown verbatim. */
export type Part = string | { answer: string };

export interface ChecklistItem {
  /** Stable: the anchor (`item-…`) and the key of the item in a saved incident record. */
  id: string;
  text: Part[];
  /** Who does it. */
  role?: Part[];
  /** By when, or how often. */
  target?: Part[];
  /** Plan section number the item comes from. */
  plan?: string;
  /** Related threat entries (numbers). */
  threats?: number[];
  /** A further explanation shown under the item. */
  detail?: Part[];
  /** A site file to open for this item (e.g. the contact list). */
  link?: { target: string; label: string };
}

export interface ChecklistPhase {
  id: string;
  title: string;
  plan?: string;
  items: ChecklistItem[];
}

export interface Checklist {
  id: 'incident' | 'readiness' | 'upkeep';
  title: string;
  phases: ChecklistPhase[];
}

/** What the generators need from a threat entry. */
export interface EntrySummary {
  number: number;
  name: string;
  firstIsolation: string;
}

export interface ChecklistInput {
  answers: Answers;
  values: SlotValues;
  entries: readonly EntrySummary[];
}

/** The checklist pages' site files. */
export const CHECKLIST_PAGES = {
  incident: 'checklists/incident.html',
  readiness: 'checklists/readiness.html',
  upkeep: 'checklists/upkeep.html',
} as const;

const UNANSWERED = '（未回答）';

function answerOf(values: SlotValues, slot: number): Part {
  return { answer: values.get(slot) ?? UNANSWERED };
}

function entryLabel(entries: readonly EntrySummary[], number: number): string {
  const entry = entries.find((e) => e.number === number);
  return `No.${number} ${entry?.name ?? ''}`.trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function incidentChecklist({ answers, values, entries }: ChecklistInput): Checklist {
  const v = (slot: number) => answerOf(values, slot);
  const lead = [v(3)];
  const route = answers.slots[8] ?? [];
  const systems = answers.slots[6] ?? [];
  const high = highRiskNumbers(answers);
  const unknown = unknownRiskNumbers(answers);
  const reporter = answers.slots[13];

  return {
    id: 'incident',
    title: '対応チェックリスト',
    phases: [
      {
        id: 'discover',
        title: '発見・通報',
        plan: '3.1',
        items: [
          { id: 'discover-note', text: ['いつ・どこで・何が起きたかを、見たままに書き留めた'], role: ['発見した人'], plan: '3.1.2' },
          {
            id: 'discover-report',
            text: [v(1), 'に知らせた（つながらないときは ', v(2), '）'],
            role: ['発見した人'],
            target: ['気づいたらすぐ'],
            plan: '3.1.2',
            link: { target: PAGES.contacts, label: '緊急連絡先' },
          },
          { id: 'discover-hands-off', text: ['自分で直そうとせず、電源も切らずに、そのままにした'], role: ['発見した人'], plan: '3.1.2' },
        ],
      },
      {
        id: 'judge',
        title: '判断（トリアージ基準）',
        plan: '3.1.3',
        items: [
          { id: 'judge-c1', text: ['基準1: セキュリティ対策の製品が、異常を知らせる警報を出している'], role: lead, plan: '3.1.3' },
          { id: 'judge-c2', text: ['基準2: 画面などに、攻撃者からと思われる不審な表示が出ている'], role: lead, plan: '3.1.3' },
          { id: 'judge-c3', text: ['基準3: ', v(4), '製造装置やパソコンが同時に複数か所で異常な動きをしている'], role: lead, plan: '3.1.3' },
          {
            id: 'judge-c4',
            text: ['基準4: ', v(5), '通信量が平常より大幅に増えている、または通信が混み合ってつながらない・大幅に遅い'],
            role: lead,
            plan: '3.1.3',
          },
          { id: 'judge-c5', text: ['基準5: 重要なデータを置くサーバのログに、ログインの失敗が大量に残っている'], role: lead, plan: '3.1.3' },
          {
            id: 'judge-decision',
            text: ['攻撃とみなすかを決め、決めた時刻を記録した'],
            detail: ['どれにも当てはまらなくても、原因の分からない異常は攻撃の可能性があるものとして扱う。'],
            role: lead,
            plan: '3.1.3',
          },
        ],
      },
      {
        id: 'first-response',
        title: '初期対応',
        plan: '3.1.4',
        items: [
          {
            id: 'first-scope',
            text: ['攻撃が及んでいる範囲を見極めた'],
            role: lead,
            target: ['攻撃とみなしたらただちに'],
            plan: '3.1.4',
          },
          ...high.map((n) => ({
            id: `first-close-${pad(n)}`,
            text: [`残るリスクが大きい入口「${entryLabel(entries, n)}」を止めた・切り離した`],
            detail: [entries.find((e) => e.number === n)?.firstIsolation ?? ''],
            role: lead,
            plan: '3.1.4',
            threats: [n],
          })),
          ...(unknown.length > 0
            ? [
                {
                  id: 'first-check-unknown',
                  text: [`実態の分かっていない入口（${unknown.map((n) => entryLabel(entries, n)).join('、')}）に攻撃が及んでいないか確かめた`],
                  role: lead,
                  plan: '3.1.4',
                  threats: unknown,
                },
              ]
            : []),
          ...systems.map((system, index) => ({
            id: `first-evidence-${index + 1}`,
            text: ['証拠のログを保全した: ', { answer: system }],
            detail: ['記録媒体ごと取り外すか、安全な方法で別の媒体に書き出して保管する。'],
            role: lead,
            plan: '3.1.4',
          })),
          {
            id: 'first-isolate',
            text: ['被害を受けたシステムをネットワークから切り離した（ケーブルを抜く、無線を切る）'],
            detail: ['記録が消えるおそれがあるため、電源を切ったり再起動したりしない。'],
            role: lead,
            plan: '3.1.4',
          },
        ],
      },
      {
        id: 'situation',
        title: '状況把握と報告',
        plan: '3.2',
        items: [
          {
            id: 'situation-overview',
            text: ['概況をつかんだ（何が・いつから・どのシステムや装置か・生産や出荷への影響・情報流出の疑い）'],
            role: [v(3), ' または外部専門家'],
            target: ['検知から', v(7)],
            plan: '3.2.1',
          },
          ...route.slice(1).map((to, index) => ({
            id: `situation-report-${index + 1}`,
            text: [{ answer: to }, 'に第一報を届けた'],
            role: [{ answer: route[index]! }],
            target: index === route.length - 2 ? ['検知から', v(9)] : ['分かっている範囲ですぐ'],
            plan: '3.2.2',
          })),
          {
            id: 'situation-headquarters',
            text: ['対策本部を置くかを決めた'],
            role: [v(10)],
            plan: '3.2.3',
          },
          {
            id: 'situation-outside-expert',
            text: ['外部専門家（', v(11), '、電話 ', v(12), '）に連絡し、調査や復旧の支援を頼むか決めた'],
            role: lead,
            plan: '4',
            link: { target: `${PAGES.contacts}#contact-${OUTSIDE_RESPONDER_ID}`, label: '外部専門家の連絡先' },
          },
          {
            id: 'situation-authorities',
            text: ['公的機関への連絡が要るかを判断し、要るときは連絡した（個人情報保護委員会、警察、IPA など）'],
            role: [v(14)],
            plan: '3.2.4',
          },
          {
            id: 'situation-daily',
            text: ['その日の進捗を報告した（対応が終わるまで毎日）'],
            role: reporter ? [{ answer: reporter.from }, ' → ', { answer: reporter.to }] : [v(13)],
            target: ['毎日'],
            plan: '5.1',
          },
          {
            id: 'situation-staff',
            text: ['全従業員に、使ってはいけない機器、業務の変更、社外からの問い合わせへの答え方を知らせた'],
            plan: '5.1',
          },
          { id: 'situation-ransom', text: ['身代金の要求などの脅迫には、個人で返事や支払いをしていない'], role: ['全員'], plan: '3.2.4' },
        ],
      },
      {
        id: 'recovery',
        title: '原因究明と復旧',
        plan: '3.3',
        items: [
          {
            id: 'recovery-entry',
            text: ['攻撃に使われた入口を突き止め、ほかの入口の対策も点検した'],
            role: [v(3), ' または外部専門家'],
            plan: '3.3.1',
            link: { target: PAGES.threats, label: '脅威の入口の地図' },
          },
          { id: 'recovery-accounts', text: ['悪用されたアカウントを止め、管理者の権限を持つアカウントのパスワードをすべて変えた'], role: lead, plan: '3.3.2' },
          { id: 'recovery-fix', text: ['修正プログラムの適用、設定の見直し、機器の交換など、原因に合った手当てをした'], role: lead, plan: '3.3.2' },
          {
            id: 'recovery-backup',
            text: ['バックアップが攻撃を受けていないことを確かめてから戻した（戻せないときはシステムを作り直した）'],
            role: lead,
            plan: '3.3.3',
            link: { target: PAGES.bia, label: '業務影響と復旧の順番' },
          },
          {
            id: 'recovery-restart',
            text: ['原因が取り除かれ、戻したデータが正しいことを製造部門と確かめてから、生産を再開した'],
            role: lead,
            plan: '3.3.3',
          },
        ],
      },
      {
        id: 'after',
        title: '事後対応',
        plan: '3.4',
        items: [
          {
            id: 'after-record',
            text: ['発生から完了までの経緯を時系列でまとめた（このページの記録を保存して使える）'],
            detail: ['気づいた日時、実際に発生した日時、起きたこと、対応の経過、原因、被害を受けたシステムを含める。'],
            role: lead,
            plan: '3.4.1',
          },
          { id: 'after-education', text: ['この件を題材に、従業員への教育を行った'], plan: '3.4.2' },
          { id: 'after-report', text: ['対応の結果と再発防止策を、経営層、取引先、顧客に報告した'], plan: '3.4.3' },
          { id: 'after-review', text: ['うまくいった点と課題を振り返り、計画の見直しに回した'], plan: '6.1' },
        ],
      },
    ],
  };
}

export function readinessChecklist({ answers, values, entries }: ChecklistInput): Checklist {
  const v = (slot: number) => answerOf(values, slot);
  const responder = outsideResponder(answers);
  const high = highRiskNumbers(answers);
  const unknown = unknownRiskNumbers(answers);
  return {
    id: 'readiness',
    title: '備えのチェックリスト',
    phases: [
      {
        id: 'contacts',
        title: '連絡先',
        plan: '4',
        items: [
          {
            id: 'ready-contact-list',
            text: ['緊急連絡先の一覧が最新で、印刷したものを手元に置いている'],
            plan: '4',
            link: { target: PAGES.contacts, label: '緊急連絡先' },
          },
          ...answers.contacts.map((contact) => ({
            id: `ready-contact-${contact.id}`,
            text: [{ answer: contact.role }, 'の番号にかけて、つながることを確かめた'],
            link: { target: `${PAGES.contacts}#contact-${contact.id}`, label: '連絡先' },
          })),
          {
            id: 'ready-report-route',
            text: ['全従業員が、異常に気づいたときの知らせ先（', v(1), '、つながらないときは ', v(2), '）を知っている'],
            plan: '3.1.2',
          },
        ],
      },
      {
        id: 'logs',
        title: 'ログを集めているシステム',
        plan: '3.1.4',
        items: [
          ...(answers.slots[6] ?? []).map((system, index) => ({
            id: `ready-log-${index + 1}`,
            text: [{ answer: system }, 'のログが残る設定になっていて、保存期間と取り出し方が分かっている'],
            plan: '3.1.4',
          })),
          { id: 'ready-log-media', text: ['ログを書き出すための媒体と、書き出す手順を用意している'], plan: '3.1.4' },
          {
            id: 'ready-triage-signals',
            text: ['判断の手がかり（基準3「', v(4), '」、基準4「', v(5), '」）が働いていて、誰が見るか決まっている'],
            plan: '3.1.3',
          },
        ],
      },
      {
        id: 'backups',
        title: 'バックアップ',
        plan: '3.3.3',
        items: [
          { id: 'ready-backup-taken', text: ['生産管理、図面、受発注など重要なデータとシステムのバックアップを取っている'], plan: '3.3.3' },
          {
            id: 'ready-backup-offline',
            text: ['バックアップの1つを、ネットワークから切り離した場所に置いている'],
            detail: ['つながったままのバックアップは、ランサムウェアで本番と一緒に暗号化されることがある。'],
            plan: '3.3.3',
          },
          { id: 'ready-backup-restore', text: ['バックアップから実際に戻してみて、戻せることと、かかる時間を確かめた'], plan: '3.3.3' },
        ],
      },
      {
        id: 'documents',
        title: 'システム設計書と記録',
        plan: '3.3.3',
        items: [
          {
            id: 'ready-design-docs',
            text: ['システム設計書、ネットワーク構成図、機器の設定の記録がそろい、ネットワークの外（紙や外した媒体）にも置いている'],
            plan: '3.3.3',
          },
          { id: 'ready-vendors', text: ['システムや装置の導入業者・保守業者の連絡先がそろっている'], plan: '3.3.3' },
        ],
      },
      {
        id: 'entries',
        title: '止める入口',
        plan: '3.1.4',
        items: [
          ...high.map((n) => ({
            id: `ready-entry-${pad(n)}`,
            text: [`「${entryLabel(entries, n)}」の止め方（どこで切り離すか）を決め、担当者が知っている`],
            detail: assessmentOf(answers, n).issue ? ['アセスメントの課題: ', { answer: assessmentOf(answers, n).issue! }] : undefined,
            plan: '3.1.4',
            threats: [n],
          })),
          ...unknown.map((n) => ({
            id: `ready-entry-${pad(n)}`,
            text: [`「${entryLabel(entries, n)}」の使われ方を調べ、リスクを評価した`],
            detail: assessmentOf(answers, n).issue ? ['アセスメントの課題: ', { answer: assessmentOf(answers, n).issue! }] : undefined,
            threats: [n],
          })),
        ],
      },
      {
        id: 'responder',
        title: '外部専門家との取り決め',
        plan: '4',
        items: [
          {
            id: 'ready-responder-terms',
            text: [v(11), 'との取り決め（対応する範囲、受付の時間、費用、頼むときの手順）を確かめた'],
            detail: responder?.note ? ['いまの取り決め: ', { answer: responder.note }] : undefined,
            plan: '4',
            link: { target: `${PAGES.contacts}#contact-${OUTSIDE_RESPONDER_ID}`, label: '外部専門家の連絡先' },
          },
          { id: 'ready-responder-info', text: ['頼むときに渡す情報（システム構成、使っているセキュリティ製品）をまとめてある'], plan: '4' },
        ],
      },
    ].filter((phase) => phase.items.length > 0),
  };
}

export function upkeepChecklist({ values }: ChecklistInput): Checklist {
  const v = (slot: number) => answerOf(values, slot);
  return {
    id: 'upkeep',
    title: '年間の点検チェックリスト',
    phases: [
      {
        id: 'review',
        title: '計画の見直し',
        plan: '6.1',
        items: [
          {
            id: 'upkeep-review',
            text: ['計画を見直し、最新の脅威と当社の状況（設備、システム、組織、取引先）に合わせて改訂した'],
            target: [v(15)],
            plan: '6.1',
          },
          {
            id: 'upkeep-assessment',
            text: ['13の脅威の入口のリスクアセスメントをやり直し、回答ファイルの結果を更新した'],
            target: [v(15)],
            plan: '6.1',
            link: { target: PAGES.threats, label: '脅威の入口の地図' },
          },
          { id: 'upkeep-contacts', text: ['緊急連絡先と外部専門家との取り決めが今も有効か確かめた'], target: [v(15)], plan: '4', link: { target: CHECKLIST_PAGES.readiness, label: '備えのチェックリスト' } },
          { id: 'upkeep-revision', text: ['改訂したら、版、日付、内容、承認者を改訂履歴に加えた'], target: [v(15)], plan: '6.1' },
        ],
      },
      {
        id: 'education',
        title: '従業員教育',
        plan: '6.2',
        items: [
          { id: 'upkeep-education', text: ['この計画と情報セキュリティについて、従業員に教育した'], target: [v(16)], plan: '6.2' },
          { id: 'upkeep-education-route', text: ['異常に気づいたときの知らせ先（', v(1), '）を伝えた'], target: [v(16)], plan: '3.1.2' },
        ],
      },
      {
        id: 'drill',
        title: '訓練',
        plan: '6.3',
        items: [
          {
            id: 'upkeep-drill',
            text: ['インシデントを想定した訓練を、この計画の手順どおりに行った'],
            target: [v(17)],
            plan: '6.3',
            link: { target: CHECKLIST_PAGES.incident, label: '対応チェックリスト' },
          },
          { id: 'upkeep-drill-review', text: ['訓練で見つかった課題を振り返り、計画の改訂につなげた'], target: [v(17)], plan: '6.3' },
        ],
      },
      {
        id: 'audit',
        title: '内部監査',
        plan: '7.2',
        items: [
          { id: 'upkeep-audit', text: ['内部監査で、関連する法令が守られているかを確かめた'], target: [v(18)], plan: '7.2' },
          { id: 'upkeep-audit-improve', text: ['監査の結果をもとに改善した'], target: [v(18)], plan: '7.2' },
        ],
      },
    ],
  };
}

/** Plain text of item parts, for labels and tests. */
export function partsText(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.answer)).join('');
}
