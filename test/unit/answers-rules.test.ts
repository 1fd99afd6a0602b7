/**
 * The consistency rules over the answers: the example company passes every one, and each
 * rule fires on a one-line change of the example, as a whole `file:line:col` message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import { checkAnswerRules } from '../../src/answers/rules/index.ts';
import { RULES } from '../../src/errors/catalogue.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { FIXTURES } from '../helpers.ts';
import { swap, at } from '../text-edits.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const TODAY = '2026-11-01';

function rules(text: string, today: string | undefined = TODAY): string[] {
  const loaded = parseAnswers(text, 'answers.yaml');
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  return checkAnswerRules(loaded, { today }).map(formatProblem);
}

const ROUTE_ROLES = '「情報システム担当（総務課）」「工場長（製造担当取締役）」「代表取締役」「総務課」「外部専門家」「主要取引先」';

describe('consistency rules', () => {
  it('find nothing wrong with the example company, with its own calendar and a pinned one', () => {
    expect(rules(example)).toEqual([]);
    expect(rules(example, undefined)).toEqual([]);
  });

  it('have at least ten stable ids, each with a Japanese message in the one catalogue', () => {
    const ruleIds = [
      'route-unknown-role',
      'route-start',
      'route-missing-head',
      'route-duplicate-role',
      'report-slower-than-grasp',
      'role-without-contact',
      'key-contact-without-mobile',
      'responder-without-phone',
      'frequency-too-rare',
      'threat-unassessed',
      'threat-issue-missing',
      'role-is-personal-name',
      'personal-data-in-text',
      'answer-markup',
      'revision-order',
      'date-in-future',
    ];
    for (const id of ruleIds) expect(Object.keys(RULES)).toContain(id);
  });

  it('route-unknown-role: every role on the escalation route has a contact', () => {
    const text = swap(example, '    - 主要取引先\n', '    - 営業部長\n');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '営業部長')}  エラー  \`slots.8[3]\`: エスカレーションルートの「営業部長」は連絡先（contacts）のどの役割にもありません。contacts の role と同じ名前で書くか、この役割の連絡先を contacts に足してください（いまある役割: ${ROUTE_ROLES}）。  route-unknown-role`,
    ]);
  });

  it('route-start: the route starts with the role that receives reports (#1#)', () => {
    const text = swap(example, '    - 情報システム担当（総務課）\n    - 工場長\n', '    - 工場長\n    - 情報システム担当（総務課）\n');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '工場長\n')}  エラー  \`slots.8[0]\`: エスカレーションルートが「工場長」から始まっていますが、異常の報告を最初に受けるのは #1# の「情報システム担当（総務課）」です。ルートの先頭を「情報システム担当（総務課）」にしてください。  route-start`,
    ]);
  });

  it('route-missing-head: the head of the response office (#10#) is on the route', () => {
    const text = swap(example, '    - 工場長\n', '');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '- 情報システム担当（総務課）\n    - 代表取締役')}  エラー  \`slots.8\`: 対策本部の責任者（#10# の「工場長（製造担当取締役）」）がエスカレーションルートにいません。責任者まで報告が届くよう、ルートに「工場長（製造担当取締役）」を入れてください。  route-missing-head`,
    ]);
  });

  it('route-duplicate-role: nobody twice on the route (a warning)', () => {
    const text = swap(example, '    - 主要取引先\n', '    - 主要取引先\n    - 工場長（製造担当取締役）\n');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '工場長（製造担当取締役）\n  # #9#')}  警告  \`slots.8[4]\`: 「工場長（製造担当取締役）」がエスカレーションルートの 2 番目と 5 番目の両方にあります。どちらか1つにしてください。  route-duplicate-role`,
    ]);
  });

  it('report-slower-than-grasp: reporting up is not slower than grasping the situation, unless the answers say why', () => {
    const text = swap(example, '  9: 1時間以内', '  9: 3時間以内');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '3時間以内')}  エラー  \`slots.9\`: ルートの最後の相手への報告期限（3時間以内）が、概況把握の目標（#7# の 2時間以内）より遅くなっています。報告期限を 2時間以内（概況把握の目標）と同じかそれより短くするか、遅くてよい理由を waivers の report-slower-than-grasp に書いてください。  report-slower-than-grasp`,
    ]);
    const waived = `${text}\nwaivers:\n  report-slower-than-grasp: 取引先への報告は夜間は翌朝の始業時に行うと契約で決めている\n`;
    expect(rules(waived)).toEqual([]);
  });

  it('role-without-contact: each role the plan names (#1# #2# #3# #10# #13# #14#) has a contact', () => {
    const text = swap(swap(example, '  14: 総務課', '  14: 法務部門'), '    to: 代表取締役と工場長', '    to: 代表取締役と監査役');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '代表取締役と監査役')}  エラー  \`slots.13.to\`: 役割「監査役」の連絡先が contacts にありません。この役割の連絡先を contacts に足すか、contacts にある役割の名前で書いてください。  role-without-contact`,
      `answers.yaml:${at(text, '法務部門')}  エラー  \`slots.14\`: 役割「法務部門」の連絡先が contacts にありません。この役割の連絡先を contacts に足すか、contacts にある役割の名前で書いてください。  role-without-contact`,
    ]);
  });

  it('key-contact-without-mobile: staff the plan reports to have a mobile, outside firms a phone', () => {
    const noMobile = swap(example, '    mobile: 090-0000-1000\n', '');
    expect(rules(noMobile)).toEqual([
      `answers.yaml:${at(noMobile, 'id: president')}  エラー  \`contacts[id=president「代表取締役」]\`: 「代表取締役」（president）は計画で報告を受ける・動く役割ですが、携帯電話がありません。社内ネットワークやメールが止まってもつながるよう mobile を書いてください。  key-contact-without-mobile`,
    ]);
    const emailOnly = swap(example, '    phone: 06-0000-7700\n', '');
    expect(rules(emailOnly)).toEqual([
      `answers.yaml:${at(emailOnly, 'id: main-customer')}  エラー  \`contacts[id=main-customer「主要取引先」]\`: 「主要取引先」（main-customer）は計画で報告する相手ですが、電話番号がありません。メールが使えなくてもつながるよう phone か mobile を書いてください。  key-contact-without-mobile`,
    ]);
  });

  // issue 21: the desk of slot 2 is a department's window, reached at its landline.
  it('key-contact-without-mobile: the slot 2 desk may have a landline only', () => {
    const landline = swap(example, '    phone: 06-0000-1200\n    mobile: 090-0000-1200\n', '    phone: 06-0000-1200\n');
    expect(rules(landline)).toEqual([]);
    const neither = swap(example, '    phone: 06-0000-1200\n    mobile: 090-0000-1200\n', '');
    // Reported once, at the slot that names the desk (channel-without-number), not again at the contact.
    expect(rules(neither)).toEqual([
      `answers.yaml:${at(neither, '総務課の代表窓口')}  エラー  \`slots.2\`: 異常を知らせる窓口「総務課の代表窓口」の連絡先（\`contacts[id=general-affairs「総務課」]\`）に電話番号がありません。社内のネットワークやメールが止まっても知らせられるよう、phone（窓口なら固定電話でよい）か mobile を書いてください。  channel-without-number`,
    ]);
  });

  it('responder-without-phone: the outside responder (#11#, #12#) can be phoned', () => {
    const text = swap(example, '    phone: 06-0000-9110\n', '');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, 'id: outside-responder\n')}  エラー  \`contacts[id=outside-responder「外部専門家」]\`: 外部専門家（outside-responder）に電話番号がありません。緊急時にすぐかけられるよう phone（または mobile）を書いてください。計画の #12# にもこの番号が入ります。  responder-without-phone`,
    ]);
  });

  it('frequency-too-rare: review, education, drills and audits are at least yearly', () => {
    const text = swap(example, '  17: 年1回\n', '  17: 2年1回\n');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '2年1回')}  エラー  \`slots.17\`: 訓練の頻度「2年1回」は少なすぎます。少なくとも年1回は行うよう「年1回」かそれより多い頻度にしてください。  frequency-too-rare`,
    ]);
  });

  it('threat-unassessed and threat-issue-missing: all 13 entries assessed, the ones to act on with their issue', () => {
    let text = swap(example, '  5:\n    result: 1\n', '');
    text = swap(text, '  12:\n    result: 1\n', '');
    text = swap(text, '    issue: 在庫管理にサポートの切れた旧型のハンディターミナルを使っており、入れ替えを検討する\n', '');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '1:\n    result: 1')}  エラー  \`threats\`: 脅威の入口 5・12 のアセスメント結果がありません。入口ごとに result（残るリスク 1〜4、実態が分からなければ BAD）を書いてください。  threat-unassessed`,
      `answers.yaml:${at(text, 'result: 4')}  エラー  \`threats.6\`: 脅威の入口 6 は result が「4」で対応が要りますが、issue（課題）がありません。何を調べる・直すのかを issue に書いてください。  threat-issue-missing`,
    ]);
  });

  it('role-is-personal-name: role fields hold roles, not the names of people', () => {
    let text = swap(example, '    approvedBy: 代表取締役\n  - version: "1.1"', '    approvedBy: 岡田 浩二\n  - version: "1.1"');
    text = swap(text, '    approvedBy: 代表取締役\n\n', '    approvedBy: 鈴木さん\n\n');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '岡田 浩二', 2)}  エラー  \`revisions[0].approvedBy\`: 役割の欄「岡田 浩二」に個人名（岡田浩二）が入っています。担当が替わっても使えるよう役職名か部署名で書き、氏名は contacts の person にだけ書いてください。  role-is-personal-name`,
      `answers.yaml:${at(text, '鈴木さん')}  エラー  \`revisions[1].approvedBy\`: 役割の欄「鈴木さん」に個人名が入っています。担当が替わっても使えるよう役職名か部署名で書き、氏名は contacts の person にだけ書いてください。  role-is-personal-name`,
    ]);
  });

  it('personal-data-in-text: names, phone numbers and addresses only in the contact fields a public build masks', () => {
    let text = swap(example, '  address: 兵庫県尼崎市（架空）', '  address: 兵庫県尼崎市（架空） 代表 06-1234-5678');
    text = swap(text, '    summary: ひな形 1.0 をもとに初版を制定', '    summary: ひな形 1.0 をもとに中村美咲が初版を作成');
    text = swap(text, '    note: 保守契約あり。', '    note: 保守契約あり。担当者直通 plant@kamome-seiko.example。');
    // The outside responder's number is public (`public: true`): repeating it is fine.
    text = swap(text, '  4: UTM の警報メールと', '  4: 06-0000-9110 からの連絡や UTM の警報メールと');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '兵庫県尼崎市')}  エラー  \`company.address\`: 電話番号「06-1234-5678」が書かれています。公開版で「非公開」に伏せられるよう、氏名・電話番号・メールアドレスは contacts の person・phone・mobile・email にだけ書いてください（会社の代表番号なら、その連絡先に public: true を付けます）。  personal-data-in-text`,
      `answers.yaml:${at(text, '保守契約あり。')}  エラー  \`contacts[id=outside-responder「外部専門家」].note\`: 連絡先の「plant@kamome-seiko.example」が書かれています。公開版で「非公開」に伏せられるよう、氏名・電話番号・メールアドレスは contacts の person・phone・mobile・email にだけ書いてください（会社の代表番号なら、その連絡先に public: true を付けます）。  personal-data-in-text`,
      `answers.yaml:${at(text, 'ひな形 1.0 をもとに中村美咲')}  エラー  \`revisions[0].summary\`: 氏名「中村 美咲」が書かれています。公開版で「非公開」に伏せられるよう、氏名・電話番号・メールアドレスは contacts の person・phone・mobile・email にだけ書いてください（会社の代表番号なら、その連絡先に public: true を付けます）。  personal-data-in-text`,
    ]);
  });

  it('answer-markup: markup in an answer is shown as written, with a warning', () => {
    const text = swap(example, '  5: UTM の通信量グラフと', '  5: **UTM** の通信量グラフと')
      .replace('  5: **UTM**', '  5: "**UTM**')
      .replace('点滅により\n', '点滅により"\n');
    expect(rules(text)).toEqual([
      `answers.yaml:${at(text, '"**UTM**')}  警告  \`slots.5\`: 回答に「**UTM**」という HTML・MDX・Markdown・枠の書き方があります。サイトと PDF では書式にも枠にもならず、書いたとおりの文字で出ます。そのつもりでなければ消してください。  answer-markup`,
    ]);
  });

  it('revision-order and date-in-future: the history reads oldest first and ends no later than today', () => {
    const text = swap(
      swap(example, '  - version: "1.1"\n    date: 2026-10-01', '  - version: "0.9"\n    date: 2026-03-01'),
      '    date: 2026-04-01',
      '    date: 2026-10-20',
    );
    expect(rules(text, '2026-10-15')).toEqual([
      `answers.yaml:${at(text, '2026-10-20')}  エラー  \`revisions[0].date\`: 2026-10-20 は今日（2026-10-15）より後の日付です。実際に行った・承認した日を書いてください。  date-in-future`,
      `answers.yaml:${at(text, '"0.9"')}  エラー  \`revisions[1].version\`: 版「0.9」が前の版「1.0」より新しくなっていません。改訂履歴は古い版から順に、新しい版を最後に足してください。  revision-order`,
      `answers.yaml:${at(text, '2026-03-01')}  エラー  \`revisions[1].date\`: 日付 2026-03-01 が前の版の日付 2026-10-20 より前です。改訂履歴は古い版から順に、新しい版を最後に足してください。  revision-order`,
    ]);
  });
});
