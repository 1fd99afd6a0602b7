/**
 * The rules that keep the plan's parts in agreement (issue 20): recovery times, the
 * exercise clock, the order of the entries to close, backup copies, role names, deputies
 * and the one role that decides what is told outside. The example company passes them;
 * each contradiction planted back into it is reported at the value to change, as a whole
 * `file:line:col  severity  message  rule-id` line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import { containmentOrder } from '../../src/answers/containment.ts';
import { checkAnswerRules } from '../../src/answers/rules/index.ts';
import { RULES } from '../../src/errors/catalogue.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { exerciseScenarios } from '../../src/exercises/scenarios.ts';
import { FIXTURES, ROOT } from '../helpers.ts';
import { swap, at } from '../text-edits.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const TODAY = '2026-11-01';

function rules(text: string): string[] {
  const loaded = parseAnswers(text, 'answers.yaml');
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  return checkAnswerRules(loaded, { today: TODAY }).map(formatProblem);
}

const NEW_IDS = [
  'restart-target-missing',
  'rto-beyond-restart',
  'rto-priority-order',
  'exercise-after-deadline',
  'containment-missing-entry',
  'containment-missing-exit',
  'containment-order',
  'backup-provider-copy',
  'role-alias-missing',
  'role-alias-duplicate',
  'channel-without-number',
  'deputy-missing',
  'deputy-unknown',
  'external-decider-missing',
  'external-decider-unknown',
  'external-decider-not-on-route',
] as const;

describe('plan consistency rules', () => {
  it('find nothing wrong with the example company, nor in the shipped answers file', () => {
    expect(rules(example)).toEqual([]);
    const shipped = parseAnswers(readFileSync(path.join(ROOT, 'answers', 'answers.yaml'), 'utf8'), 'answers/answers.yaml');
    expect(shipped.problems.map(formatProblem)).toEqual([]);
    expect(checkAnswerRules(shipped, { today: '2026-12-03' }).map(formatProblem)).toEqual([]);
  });

  it('have stable ids with Japanese titles; only certain contradictions are errors', () => {
    for (const id of NEW_IDS) expect(RULES[id].title, id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const errors = NEW_IDS.filter((id) => RULES[id].severity === 'error');
    expect(errors).toEqual([
      'rto-beyond-restart',
      'containment-missing-entry',
      'role-alias-duplicate',
      'channel-without-number',
      'deputy-unknown',
      'external-decider-unknown',
    ]);
  });

  describe('recovery times', () => {
    it('restart-target-missing: the factory states when it must run again', () => {
      const text = swap(example, 'bia:\n  restartTarget: 2日以内\n', 'bia:\n');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, 'axes:\n    - id: delivery')}  警告  \`bia\`: 工場の操業（生産と出荷）を再開する目標（bia.restartTarget）が書かれていないので、システムの RTO が間に合うか確かめられません。経営層が決めた目標を「2日以内」のように bia.restartTarget に書いてください。  restart-target-missing`,
      ]);
    });

    it('rto-beyond-restart: every S and A system is back within the restart target (an error); a B system may take longer', () => {
      const text = swap(example, '  restartTarget: 2日以内', '  restartTarget: 18時間以内');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '2日以内', 1)}  エラー  \`bia.systems[2].rto\`: 優先度 A のシステム「ファイルサーバ」の目標復旧時間（2日以内）が、工場の操業再開の目標（bia.restartTarget の 18時間以内）より長くなっています。このシステムなしでは操業を再開できないので、RTO を 18時間以内に収めるか、再開の目標を見直してください。  rto-beyond-restart`,
        `answers.yaml:${at(text, '1日以内', 1)}  エラー  \`bia.systems[3].rto\`: 優先度 A のシステム「測定データ管理 PC」の目標復旧時間（1日以内）が、工場の操業再開の目標（bia.restartTarget の 18時間以内）より長くなっています。このシステムなしでは操業を再開できないので、RTO を 18時間以内に収めるか、再開の目標を見直してください。  rto-beyond-restart`,
        `answers.yaml:${at(text, '1日以内', 2)}  エラー  \`bia.systems[4].rto\`: 優先度 A のシステム「メール（クラウド）」の目標復旧時間（1日以内）が、工場の操業再開の目標（bia.restartTarget の 18時間以内）より長くなっています。このシステムなしでは操業を再開できないので、RTO を 18時間以内に収めるか、再開の目標を見直してください。  rto-beyond-restart`,
      ]);
      // The accounting PC (priority B, 7 days) is not needed to restart the factory.
      expect(rules(text).join('\n')).not.toContain('会計・給与 PC');
    });

    it('rto-priority-order: an S system comes back sooner than every A system', () => {
      const text = swap(example, '      rto: 8時間以内', '      rto: 1日以内');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '1日以内', 1)}  警告  \`bia.systems[1].rto\`: 優先度 S のシステム「NC プログラム管理 PC」の目標復旧時間（1日以内）が、優先度 A の「測定データ管理 PC」（\`bia.systems[3].rto\` の 1日以内）より短くなっていません。優先度の高いシステムほど早く戻す計画なので、RTO を短くするか、業務の影響と依存度を見直してください。  rto-priority-order`,
      ]);
    });
  });

  describe('the exercise clock', () => {
    it('exercise-after-deadline: the restore scene of the ransomware exercise comes before the first RTO runs out', () => {
      // With a 3-hour RTO the scene (after the overview at 2 h and the authorities at 3 h) is at 4 h.
      const text = swap(example, '      rto: 8時間以内', '      rto: 3時間以内');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '3時間以内')}  警告  \`bia.systems[1].rto\`: 訓練「ランサムウェアで業務の要のシステムが止まる」の「4時間後」の場面は、「NC プログラム管理 PC」の目標復旧時間（3時間以内）を期限として引いていますが、その時刻には期限を過ぎています。訓練では遅れとして扱われます。目標が実際の手順の時間に合っているか見直してください。  exercise-after-deadline`,
      ]);
      // ... and the facilitator's expected answers flag the miss.
      const loaded = parseAnswers(text, 'answers.yaml');
      const restore = exerciseScenarios(loaded.answers!, TODAY)[0]!.injects.at(-1)!;
      expect(restore.minutes).toBe(4 * 60);
      const flagged = restore.expected.map((e) => e.text.map((p) => (typeof p === 'string' ? p : p.answer)).join(''));
      expect(flagged).toContain(
        'NC プログラム管理 PCの目標復旧時間（3時間以内）をすでに過ぎている。遅れと見通しを主要取引先に伝え、止まっている間の代わりのやり方を続けるか決める',
      );
    });

    it('puts the example restore scene within the first RTO, and says nothing of a miss', () => {
      const loaded = parseAnswers(example, 'answers.yaml');
      const ransomware = exerciseScenarios(loaded.answers!, TODAY)[0]!;
      const restore = ransomware.injects.at(-1)!;
      expect(restore.minutes).toBe(4 * 60); // half of the NC-program PC's 8 hours
      expect(JSON.stringify(restore)).not.toContain('すでに過ぎている');
      expect(JSON.stringify(restore.expected[0]!.deadline)).toContain('8時間以内');
    });
  });

  describe('the order of the entries to close first', () => {
    it('containment-missing-entry: every entry rated 3, 4 or BAD is in the list (an error)', () => {
      const text = swap(example, 'containment: [8, 10, 7, 2, 6, 9, 13]', 'containment: [8, 10, 2, 6, 9, 13]');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '[8, 10, 2')}  エラー  \`containment\`: 入口 No.7（評価 BAD）が、先に止める入口（containment）にありません。評価 3・4・BAD の入口は計画 3.1 ④ で先に止めると決めているので、containment に 7 を足してください。  containment-missing-entry`,
      ]);
    });

    it('containment-missing-exit: the internet exit is in the list', () => {
      const text = swap(example, 'containment: [8, 10, 7, 2, 6, 9, 13]', 'containment: [10, 7, 2, 6, 9, 13]');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '[10, 7')}  警告  \`containment\`: インターネットの出入口（No.8）が、先に止める入口（containment）にありません。攻撃者の遠隔操作と情報の持ち出しを断つため、訓練でも最初に止める入口です。containment の先頭に 8 を足してください。  containment-missing-exit`,
      ]);
    });

    it('containment-order: BAD counts as high, so it never follows an entry rated 1 or 2', () => {
      const text = swap(example, 'containment: [8, 10, 7, 2, 6, 9, 13]', 'containment: [8, 6, 9, 13, 3, 10, 7, 2]');
      const line = 'containment: [8, 6, 9, 13, 3, 10, 7, 2]';
      const [row] = at(text, line).split(':');
      const column = (entry: number) => line.indexOf(`, ${entry}`) + 3;
      const message = (entry: number, index: number) =>
        `answers.yaml:${row}:${column(entry)}  警告  \`containment[${index}]\`: 入口 No.${entry}（評価 BAD）が、評価の低い入口 No.3（評価 2）より後に並んでいます。評価 3・4 と、分かるまで大きいものとして扱う BAD の入口は、評価 1・2 の入口より前に置いてください（インターネットの出入口 No.8 は先頭でよい）。  containment-order`;
      expect(rules(text)).toEqual([message(10, 5), message(7, 6), message(2, 7)]);
    });
  });

  it('orders the entries by default as the internet exit, then 4 and BAD, then 3', () => {
    const loaded = parseAnswers(swap(example, 'containment: [8, 10, 7, 2, 6, 9, 13]\n', ''), 'answers.yaml');
    expect(containmentOrder(loaded.answers!)).toEqual([8, 2, 6, 7, 10, 9, 13]);
    expect(containmentOrder(parseAnswers(example, 'answers.yaml').answers!)).toEqual([8, 10, 7, 2, 6, 9, 13]);
  });

  describe('backups', () => {
    it('explains the per-copy form to a file still written with media, offline and offsite', () => {
      const text = swap(
        example,
        '        copies:\n          - { kind: NAS, place: 工場のサーバラック }\n          - { kind: USBメモリー（専用品。書き込み禁止）, offline: true, offsite: true, place: 本社事務所の金庫（工場とは別の建物） }\n',
        '        copies: [{ kind: NAS }]\n        media: [NAS, USBメモリー]\n        offline: true\n        offsite: true\n',
      );
      const loaded = parseAnswers(text, 'answers.yaml');
      expect(loaded.problems.map(formatProblem)).toEqual([
        `answers.yaml:${at(text, 'media: [NAS, USB')}  エラー  \`bia.systems[1].backup.media\`: 知らない項目 \`media\`、\`offline\`、\`offsite\` があります。バックアップはコピーごとに書く形になりました: copies を一覧にし、各コピーに kind（媒体）・offline・offsite・place（置き場所）を書いてください（例: - { kind: 外付けHDD, offline: true, offsite: true, place: 本社の金庫 }）。  answers-invalid`,
      ]);
    });

    it('bia-backup-321: an off-site copy counts only with its place named', () => {
      const text = swap(
        example,
        '          - { kind: 外付けHDD（毎週入れ替え）, offline: true, offsite: true, place: 本社事務所の金庫（工場とは別の建物） }',
        '          - { kind: 外付けHDD（毎週入れ替え）, offline: true, offsite: true }',
      );
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, 'copies:', 4)}  警告  \`bia.systems[3].backup\`: システム「測定データ管理 PC」のバックアップは 3-2-1（本番を含めて3つ、2種類の媒体、1つはオフライン、1つは場所を書いて別の場所）を満たしていません（別の場所に置くコピーの場所（place）が書かれていない）。足りないコピーを用意し、backup.copies にコピーごとの媒体・offline・offsite・place を書いてください。  bia-backup-321`,
      ]);
    });

    it('backup-provider-copy: the service provider keeping its own data is not a copy', () => {
      const text = swap(
        example,
        '          - { kind: クラウドのバックアップサービス（メール用・別事業者）, place: バックアップ事業者の国内データセンター }',
        '          - { kind: クラウド事業者の保管, place: 事業者のデータセンター }',
      );
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, 'クラウド事業者の保管')}  警告  \`bia.systems[4].backup.copies[1].kind\`: システム「メール（クラウド）」のコピー「クラウド事業者の保管」は、サービスの事業者が持つ本番のデータそのものと読めます。事業者の障害や乗っ取られたアカウントからの削除には本番と一緒に巻き込まれるので、コピーに数えません。別の媒体に書き出したコピーに書き換えるか、本当に別のバックアップなら「バックアップサービス」などと分かる名前にしてください。  backup-provider-copy`,
      ]);
    });
  });

  describe('roles', () => {
    it('role-alias-missing: a role the slots name only loosely is declared as an alias', () => {
      const text = swap(example, '    aliases: [工場長]\n', '');
      const message = (path: string, needle: string, nth = 1) =>
        `answers.yaml:${at(text, needle, nth)}  警告  \`${path}\`: 「工場長」は連絡先の役割「工場長（製造担当取締役）」（\`contacts[id=factory-manager「工場長（製造担当取締役）」]\`）と名前が一致しません。同じ人なら \`contacts[id=factory-manager「工場長（製造担当取締役）」]\` に aliases: [工場長] と書くか、ここを「工場長（製造担当取締役）」にそろえてください。  role-alias-missing`;
      expect(rules(text)).toEqual([message('slots.8[1]', '工場長\n', 1), message('slots.13.to', '代表取締役と工場長')]);
    });

    it('role-alias-duplicate: one name points at one contact (an error)', () => {
      const text = swap(example, '    aliases: [総務課の代表窓口]\n', '    aliases: [総務課の代表窓口, 工場長]\n');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '工場長]', 2)}  エラー  \`contacts[id=general-affairs「総務課」].aliases[1]\`: 別名「工場長」は \`contacts[id=factory-manager「工場長（製造担当取締役）」].aliases[0]\` にもあります。同じ名前で2人を指すと、報告がどちらに届くか決まりません。1つの名前は1つの連絡先にだけ書いてください。  role-alias-duplicate`,
      ]);
    });

    it('channel-without-number: the other desk (#2#) has a number; its landline is enough', () => {
      const desk = (phone: string) =>
        swap(
          swap(example, '  2: 総務課の代表窓口', '  2: 守衛所'),
          '  - id: outside-responder\n',
          `  - id: gate\n    role: 守衛所\n${phone}  - id: outside-responder\n`,
        );
      expect(rules(desk('    phone: 06-0000-1300\n'))).toEqual([]);
      const text = desk('    email: gate@kamome-seiko.example\n');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '守衛所')}  エラー  \`slots.2\`: 異常を知らせる窓口「守衛所」の連絡先（\`contacts[id=gate「守衛所」]\`）に電話番号がありません。社内のネットワークやメールが止まっても知らせられるよう、phone（窓口なら固定電話でよい）か mobile を書いてください。  channel-without-number`,
      ]);
    });

    it('deputy-missing and deputy-unknown: each first-response owner names another contact as deputy', () => {
      let text = swap(example, '    deputy: general-affairs\n', '');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, 'id: security-officer')}  警告  \`contacts[id=security-officer「情報システム担当（総務課）」]\`: 「情報システム担当（総務課）」は初動の役割（#1# 最初の報告先、#3# 対応の中心）を持っていますが、代わりの人が決まっていません。不在や連絡がつかないときに代わる連絡先の id を deputy に書いてください（計画 4章）。  deputy-missing`,
      ]);
      text = swap(example, '    deputy: president\n', '    deputy: factory-manager\n');
      text = swap(text, '    deputy: security-officer\n', '    deputy: soumu\n');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, 'factory-manager\n', 2)}  エラー  \`contacts[id=factory-manager「工場長（製造担当取締役）」].deputy\`: 代わりの人（deputy）に自分自身の id「factory-manager」が書かれています。別の連絡先の id を書いてください。  deputy-unknown`,
        `answers.yaml:${at(text, 'soumu\n')}  エラー  \`contacts[id=general-affairs「総務課」].deputy\`: 代わりの人（deputy）の「soumu」は contacts の id にありません（ある id: security-officer、factory-manager、president、general-affairs、outside-responder、main-customer）。連絡先の id を書いてください。  deputy-unknown`,
      ]);
    });
  });

  describe('one decision-maker for external communication', () => {
    it('external-decider-missing: the answers name who decides what is told outside', () => {
      const text = swap(example, 'externalCommunication:\n  decidedBy: 代表取締役\n', '');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, 'templateVersion')}  警告  \`externalCommunication\`: 社外（取引先・報道・公的機関）に何を伝えるかを決める役割（externalCommunication.decidedBy）が書かれていません。計画では経営層が決めます（4章・3.2 ③・5.2）。その役割を1つ、contacts の役割の名前で書いてください。  external-decider-missing`,
      ]);
    });

    it('external-decider-unknown and external-decider-not-on-route: a contact on the route', () => {
      let text = swap(example, '  decidedBy: 代表取締役', '  decidedBy: 広報部長');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '広報部長')}  エラー  \`externalCommunication.decidedBy\`: 社外への連絡を決める「広報部長」は、連絡先（contacts）の役割にも別名（aliases）にもありません（いまある役割: 「情報システム担当（総務課）」「工場長（製造担当取締役）」「代表取締役」「総務課」「外部専門家」「主要取引先」）。contacts の役割の名前で書いてください。  external-decider-unknown`,
      ]);
      text = swap(example, '  decidedBy: 代表取締役', '  decidedBy: 総務課');
      expect(rules(text)).toEqual([
        `answers.yaml:${at(text, '総務課\n', 2)}  警告  \`externalCommunication.decidedBy\`: 社外への連絡を決める「総務課」が、エスカレーションルート（#8#）にいません。決める人に第一報が届くよう、ルートに入れてください。  external-decider-not-on-route`,
      ]);
    });
  });
});
