/**
 * The answers file `bcp init` writes for a new company: every question as a comment,
 * the template's sample where it is a usable answer, and an empty value where only the
 * company can decide (names, phone numbers, the systems it logs, the reporting route).
 *
 * Empty values are left for `bcp check` to point at, one located error each, so the
 * check's messages are the fill-in guide; samples kept as they are show as 「見本のまま」
 * warnings. Nothing here comes from the example company.
 */
import { stringify } from 'yaml';
import { BIA_SAMPLE_YAML } from '../../answers/bia-sample.ts';
import { NOT_YET_ASSESSED, THREAT_ENTRY_NUMBERS } from '../../answers/schema.ts';
import { CURRENT_TEMPLATE_VERSION, OUTSIDE_RESPONDER_ID, slotsOf, type SlotDefinition } from '../../slots/template.ts';

export interface InitOptions {
  /** YYYY-MM-DD of the first revision. */
  today: string;
  /** Path from the answers file to the JSON Schema, for editors. */
  schemaPath: string;
  /** Names of the 13 threat entries by number, when the content has them. */
  threatNames?: ReadonlyMap<number, string>;
}

/** One YAML scalar, quoted only where YAML needs it. */
function scalar(value: string): string {
  return stringify(value).trimEnd();
}

function comment(text: string, indent = ''): string {
  return text
    .split('\n')
    .map((line) => `${indent}#${line ? ` ${line}` : ''}`)
    .join('\n');
}

/** The slots whose sample is a placeholder rather than an answer, so the company fills them. */
function slotValue(slot: SlotDefinition): string {
  switch (slot.kind) {
    // 「ログを収集しているシステム」 and 「… → …… → 取引先」 describe what to write.
    case 'systems':
    case 'route':
      return ' []';
    case 'report-line': {
      const [from, to] = slot.sample.split('から');
      return `\n    from: ${scalar(from ?? '')}\n    to: ${scalar(to ?? '')}`;
    }
    default:
      return ` ${scalar(slot.sample)}`;
  }
}

function slotBlock(slot: SlotDefinition): string {
  const head = comment(`#${slot.id}# ${slot.label}\n質問: ${slot.question}\n見本: ${slot.sample}`, '  ');
  return `${head}\n  ${slot.id}:${slotValue(slot)}`;
}

/** Contacts for the roles the template's samples name, with the details left empty. */
function contactsBlock(): string {
  const asked = (id: number) => {
    const slot = slotsOf(CURRENT_TEMPLATE_VERSION).find((s) => s.id === id)!;
    return `\n  # #${id}# ${slot.label}: ${slot.question}（見本: ${slot.sample}）`;
  };
  const staff = (id: string, role: string, note: string, deputy = false) =>
    `  # ${note}${deputy ? '\n  # deputy: 不在や連絡がつかないときに代わる人の連絡先の id（初動の役割には必ず決めます）。' : ''}\n  - id: ${id}\n    role: ${scalar(role)}${deputy ? '\n    deputy: ""' : ''}\n    person: ""\n    mobile: ""`;
  const outside = (id: string, role: string, note: string) => `  # ${note}\n  - id: ${id}\n    role: ${scalar(role)}\n    organisation: ""\n    phone: ""`;
  return [
    staff(
      'security-officer',
      '情報セキュリティ担当者',
      '#1#・#3# の役割。役割の名前を変えたら slots の同じ名前も変えます（別の言い方は aliases: [...] に）。',
      true,
    ),
    `  # #2# の窓口。部署の代表番号（固定電話）なら phone に、担当者の携帯なら mobile に書きます。\n  - id: second-desk\n    role: 指定された窓口\n    phone: ""`,
    staff('incident-head', '製造部門担当役員', '#10# 対策本部の責任者。', true),
    staff('management', '経営層', '#13# 日次の報告を受ける役割。'),
    staff('legal', '法務部門', '#14# 届出と対外発表の担当。'),
    outside(
      OUTSIDE_RESPONDER_ID,
      '外部専門家',
      `#11#・#12# 調査や復旧を頼む会社。id は変えないでください。会社の窓口なら public: true を足すと公開版でも番号を出します。${asked(11)}${asked(12)}`,
    ),
    outside('main-customer', '取引先', '報告ルートの最後に知らせる取引先（いなければこの連絡先を消し、ルートからも外します）。'),
  ].join('\n');
}

export function initialAnswers(options: InitOptions): string {
  const slots = slotsOf(CURRENT_TEMPLATE_VERSION).filter((slot) => slot.answerPath.startsWith('slots.'));
  const threats = THREAT_ENTRY_NUMBERS.map((n) => {
    const name = options.threatNames?.get(n);
    return `${name ? `  # ${name}\n` : ''}  ${n}:\n    result: ${NOT_YET_ASSESSED}`;
  });
  return `# yaml-language-server: $schema=${options.schemaPath}
#
# サイバー対応 IT-BCP の回答ファイル（bcp init で作成。ひな形 ${CURRENT_TEMPLATE_VERSION}）
#
# 書き方:
# - 「""」や「[]」の欄は、会社ごとに決める欄です。\`npm run check\` がその行を示すので、順に埋めます。
# - 見本の値が入っている欄は、ひな形の例です。自社に合わせて書き換えます。見本のままの欄は
#   \`npm run check\` が「見本のまま」と警告します。見本どおりが自社で選んだ値なら、下の confirmed に
#   その枠の番号を書くと警告が消えます。
# - 役割の欄には個人名ではなく役職名・部署名を書きます。氏名は contacts の person だけに書きます。
#   役割の名前を変えたら、slots と contacts の role の両方を同じ名前にします。
# - 氏名・電話番号・メールアドレスは contacts の person・phone・mobile・email にだけ書きます。
#   \`npm run build -- --public\` の公開版では「非公開」と表示されます。
# - 内容を変えたら revisions に1件足し、版・日付・要約・承認者を書きます。
# - 書いた回答の例は answers/example.yaml（架空の会社）にあります。

templateVersion: ${scalar(CURRENT_TEMPLATE_VERSION)}

company:
  # 会社の正式な名前（表紙とフッターに出ます）
  name: ""
  # 任意: shortName（略称）、industry（業種）、employees（従業員数）、address（所在地）

plan:
  title: サイバー対応 IT-BCP
  # 表紙とフッターに出す機密区分
  confidentiality: 社外秘

# ひな形の枠（#1#〜#18#）ごとの回答。11・12 は contacts の id: ${OUTSIDE_RESPONDER_ID} から取ります。
slots:
${slots.map(slotBlock).join('\n')}

# 脅威の入口（1〜13）ごとのリスクアセスメントの結果。「${NOT_YET_ASSESSED}」の間は check が警告します。
# - result: 残るリスク。1（小さい）〜4（大きい）。実態が分からず評価できないときは BAD。
# - issue: アセスメントで見つかった課題。result が 3・4・BAD のときは必ず書きます。
threats:
${threats.join('\n')}

# 緊急連絡先。計画で報告を受ける社内の役割には携帯電話（mobile）、社外には電話（phone）が要ります。
# 電話番号は「06-1234-5678」のように半角の数字とハイフンで書きます。email も書けます。
contacts:
${contactsBlock()}

# 社外（取引先・報道・公的機関）に何を伝えるかを決める役割（計画の「経営層」）。contacts の役割の名前で1つ書きます。
externalCommunication:
  decidedBy: 経営層

# 被害の拡大を防ぐとき先に止める入口の番号（止める順。任意）。書かなければ、インターネットの出入口（8）、
# 評価 4・BAD、評価 3 の入口の順です。書くときは評価 3・4・BAD の入口をすべて入れます。
# containment: [8]

# 改訂履歴。初版は作った日の 1.0 です。承認した役職を approvedBy に書きます。
revisions:
  - version: "1.0"
    date: ${options.today}
    summary: 初版を制定
    approvedBy: ""

# 見直し・教育・訓練・監査を行ったら、ここにその日を書きます（書くまでは初版の日付から期限を数えます）。
# upkeep:
#   lastReview: 年-月-日
#   lastEducation: 年-月-日
#   lastDrill: 年-月-日
#   lastAudit: 年-月-日
#   # 緊急時キット（掲示用ポスター・携帯カード）を印刷して配った日と、そのときの計画の版。
#   lastKitPrint:
#     date: 年-月-日
#     version: "1.0"

# 見本どおりの値を自社の答えに選んだ枠の番号。ここに書いた枠には「見本のまま」の警告を出しません。
# confirmed: [15, 16]

${BIA_SAMPLE_YAML}`;
}
