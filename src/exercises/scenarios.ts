/**
 * The tabletop exercise kit: three scenarios whose injects are written from the answers.
 * Every role, system, outside firm and deadline in them is the company's own answer (a
 * `{ answer }` part, shown as text); our words only frame them. So another company's
 * answers give another company's exercise, with nothing left of the example company.
 *
 * Which scenarios: ransomware on the system to restore first; malware brought in on a
 * USB stick or a maintenance PC; a mail-borne infection or a cloud account takeover; and
 * the two IPA finds most realistic for a factory: a system that stops for no visible
 * reason, and a leak of information the company holds (written in scenarios-more.ts).
 * The variant of each follows the threat entries the company marked high or BAD, and the
 * scenarios on such entries come first.
 */
import { ransomwareTimeline } from '../bia/exercise-timeline.ts';
import { recoveryOrder } from '../bia/recovery.ts';
import { durationMinutes } from '../answers/rules/timing.ts';
import type { Answers } from '../answers/schema.ts';
import { outsideResponder } from '../answers/values.ts';
import type { Part } from '../site/checklists.ts';
import { assessmentOf } from '../site/threats.ts';
import { leakScenario, systemStopScenario, type ScenarioContext } from './scenarios-more.ts';
import type { Inject, Prompt, Scenario } from './types.ts';

export type { ExpectedAction, Inject, Prompt, Scenario } from './types.ts';

const UNANSWERED = '（未回答）';
const a = (text: string | undefined): Part => ({ answer: text ?? UNANSWERED });

/** 「開始時」「15分後」「2時間後」「1日後」 from minutes. */
export function injectTime(minutes: number): string {
  if (minutes === 0) return '開始時';
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)}日後`;
  if (minutes % 60 === 0) return `${minutes / 60}時間後`;
  if (minutes > 60) return `${Math.floor(minutes / 60)}時間${minutes % 60}分後`;
  return `${minutes}分後`;
}

function marked(answers: Answers, entry: number): boolean {
  const level = assessmentOf(answers, entry).level;
  return level === 'BAD' || level === 3 || level === 4;
}

/** The systems in the order to restore them (the BIA), else the systems that keep logs (#6#). */
function systemNames(answers: Answers, today: string): string[] {
  if (answers.bia) return recoveryOrder(answers.bia, today).map((step) => step.system.name);
  return answers.slots[6] ?? [];
}

export function exerciseScenarios(answers: Answers, today: string): Scenario[] {
  const { slots } = answers;
  const receiver = a(slots[1]);
  const lead = a(slots[3]);
  const head = a(slots[10]);
  const liaison = a(slots[14]);
  const route = slots[8] ?? [];
  const last = a(route.at(-1));
  const grasp = slots[7];
  const report = slots[9];
  const graspMinutes = (grasp && durationMinutes(grasp)) || 120;
  const reportMinutes = (report && durationMinutes(report)) || 60;
  const responder = outsideResponder(answers);
  const firm = a(responder?.organisation);
  const daily = slots[13];
  const systems = systemNames(answers, today);
  const system = (i: number): Part => a(systems.length === 0 ? undefined : systems[i % systems.length]);
  const order = answers.bia ? recoveryOrder(answers.bia, today) : [];
  const first = order[0];
  // One clock with the rule exercise-after-deadline: the restore scene comes while the first RTO still runs.
  const clock = ransomwareTimeline(answers, today);
  const rtoMissed = clock.first !== undefined && clock.restoreMinutes > clock.first.rtoMinutes;

  // The two deadlines every scenario shares: the first report to the end of the route, and the overview.
  const reportInject = (story: Part[]): Inject => ({
    minutes: reportMinutes,
    text: story,
    questions: [{ text: ['報告ルートの最後の相手（', last, '）に、いまの時点で何を伝えますか。まだ分かっていないことはどう伝えますか。'], plan: '3.2.2' }],
    expected: [
      {
        text: ['報告ルート（', a(route.join(' → ') || undefined), '）の順に、分かっている範囲で第一報を届ける。詳しいことは続報にする'],
        plan: '3.2.2',
        deadline: ['検知から', a(report)],
      },
    ],
  });
  const graspInject = (story: Part[]): Inject => ({
    minutes: graspMinutes,
    text: story,
    questions: [
      { text: ['何が、いつから、どのシステムに起きていて、生産と出荷にどう響いていますか。情報が外に漏れた疑いはありますか。'], plan: '3.2.1' },
      { text: ['会社を挙げて対応するか（対策本部を置くか）を、誰がどう決めますか。'], plan: '3.2.3' },
    ],
    expected: [
      { text: [lead, 'が（必要なら', firm, 'とともに）概況をまとめる'], plan: '3.2.1', deadline: ['検知から', a(grasp)] },
      {
        text: [
          head,
          'が対策本部を置き、優先順位と社外への連絡を決める。',
          ...(daily ? ['以後、毎日', a(daily.from), 'から', a(daily.to), 'へ進捗を報告する'] : []),
        ],
        plan: '3.2.3',
      },
    ],
  });

  const ransomware: Scenario = {
    id: 'ransomware',
    title: 'ランサムウェアで業務の要のシステムが止まる',
    entries: [8, 10],
    onMarkedEntry: marked(answers, 8) || marked(answers, 10),
    setting: [
      '平日の朝、始業の直後。',
      system(0),
      'の画面に、ファイルを暗号化したので身代金を払えという英語のメッセージが出ている。',
      ...(first ? ['BIA ではこのシステムの優先度は ', first.priority ?? '未判定', '、目標復旧時間は ', a(first.system.rto), '。'] : []),
    ],
    injects: [
      {
        minutes: 0,
        text: ['現場の社員から「', system(0), 'が使えない。見慣れないメッセージが出ている」と', receiver, 'に電話が入る。'],
        questions: [
          { text: ['これはサイバー攻撃とみなしますか。計画のどの判断基準に当てはまりますか。'], plan: '3.1.3' },
          { text: ['まず何をしますか。してはいけないことは何ですか。'], plan: '3.1.4' },
        ],
        expected: [
          { text: [receiver, 'が判断基準（攻撃者からと思われるメッセージ）に当てはめ、攻撃とみなす'], plan: '3.1.3' },
          { text: [system(0), 'を LAN ケーブルを抜いてネットワークから外す。電源は切らず、画面を写真に残す'], plan: '3.1.4' },
        ],
      },
      {
        minutes: 20,
        text: ['別の部署のパソコンでも同じメッセージが出た。', lead, 'の携帯電話に、現場から問い合わせが続いている。'],
        questions: [
          { text: ['被害が広がらないように、どこを止めますか。誰に助けを求めますか。'], plan: '3.1.4' },
          { text: ['攻撃者のメッセージに返事をしたり、払ったりしてよいですか。'], plan: '3.2.5' },
        ],
        expected: [
          { text: ['インターネットとの出入口と、リスクが大きいと評価した入口を先に止める'], plan: '3.1.4' },
          { text: [firm, 'に電話し、調査と復旧の支援を頼むか決める'], plan: '3.1.4' },
          { text: ['身代金は払わない。脅迫には個人で返事をせず、脅迫文は証拠として残す。攻撃者との連絡は対策本部だけが決める'], plan: '3.2.5' },
        ],
      },
      reportInject([last, 'から「', system(0), 'が止まっていると聞いた。納期は大丈夫か」と問い合わせが来る。']),
      graspInject([head, 'が「どこまで分かったか」と聞いてくる。被害の範囲をまとめる期限になった。']),
      {
        minutes: graspMinutes + 60,
        text: ['警察と IPA への届出をどうするか、社内で意見が分かれている。'],
        questions: [{ text: ['どの公的機関に、誰が連絡しますか。'], plan: '3.2.4' }],
        expected: [{ text: [liaison, 'が警察のサイバー犯罪相談窓口と IPA に連絡する。個人情報が漏れた疑いがあれば個人情報保護委員会にも'], plan: '3.2.4' }],
      },
      {
        minutes: clock.restoreMinutes,
        text: [clock.restoreMinutes >= 24 * 60 ? '翌日。' : '', firm, 'の調査で、侵入口がおおよそ分かった。バックアップは無事らしい。'],
        questions: [
          { text: ['どのシステムから、どの順番で戻しますか。戻す前に何を確かめますか。'], plan: '3.3.3' },
          { text: ['最後のバックアップ以降に入力したデータは、何から打ち直しますか。'], plan: '3.3.3' },
        ],
        expected: [
          {
            text: [
              '「業務影響と復旧の順番」の順に戻す: ',
              ...order.slice(0, 3).flatMap((step, i): Part[] => [...(i > 0 ? ['、'] : []), a(step.system.name), `（${step.priority ?? '未判定'}）`]),
            ],
            plan: '3.3.3',
            deadline: first?.system.rto ? [a(first.system.name), 'は', a(first.system.rto)] : undefined,
          },
          ...(rtoMissed && first
            ? [
                {
                  text: [
                    a(first.system.name),
                    'の目標復旧時間（',
                    a(first.system.rto),
                    '）をすでに過ぎている。遅れと見通しを',
                    last,
                    'に伝え、止まっている間の代わりのやり方を続けるか決める',
                  ],
                  plan: '3.3.3',
                },
              ]
            : []),
          { text: ['バックアップが攻撃を受けていないことを確かめてから戻す。まず暫定の環境で業務を再開し、本番への切り戻しは計画を立てて行う'], plan: '3.3.3' },
          ...(first?.system.reentry ? [{ text: [a(first.system.reentry)], plan: '3.3.3' }] : []),
        ],
      },
    ],
  };

  const usbFirst = marked(answers, 1) && !marked(answers, 2);
  const broughtIn: Scenario = {
    id: 'brought-in',
    title: usbFirst ? 'USB メモリーから工場にマルウェアが入る' : '保守用のパソコンから工場にマルウェアが入る',
    entries: usbFirst ? [1] : [2, 10],
    onMarkedEntry: usbFirst || marked(answers, 2) || marked(answers, 10),
    setting: usbFirst
      ? ['取引先を名乗って届いた USB メモリーを、現場の社員が', system(1), 'に挿した。']
      : ['前の日に装置メーカーの保守員が来て、持ち込んだパソコンを工場のネットワークにつないで作業した。'],
    injects: [
      {
        minutes: 0,
        text: [system(1), 'の動きが遅く、勝手に再起動を繰り返す。', a(slots[5]), '、工場の通信量がいつもより多いと分かった。'],
        questions: [
          { text: ['誰に知らせますか。知らせるとき何を伝えますか。'], plan: '3.1.2' },
          { text: ['これはサイバー攻撃とみなしますか。'], plan: '3.1.3' },
        ],
        expected: [
          { text: ['気づいた人が', receiver, '（つながらなければ', a(slots[2]), '）に、いつ・どこで・何が起きたかを見たまま伝える'], plan: '3.1.2' },
          { text: ['通信量の異常は判断基準に当てはまる。攻撃とみなして動く'], plan: '3.1.3' },
        ],
      },
      {
        minutes: 30,
        text: usbFirst
          ? ['USB メモリーを挿した社員が名乗り出た。同じものがほかにも届いているらしい。']
          : ['保守業者に問い合わせると、そのパソコンのウイルス対策は期限切れだった。'],
        questions: [
          { text: ['どの入口をいま止めますか。ほかの工場のパソコンや装置はどう確かめますか。'], plan: '3.1.4' },
          { text: ['誰に調査を頼みますか。'], plan: '3.3.1' },
        ],
        expected: [
          {
            text: usbFirst
              ? ['USB メモリーの使用を全社で止め、届いたものを回収する']
              : ['保守用の接続と持込パソコンの接続を止め、保守業者に作業の記録を出してもらう'],
            plan: '3.1.4',
          },
          { text: [firm, 'に調査を頼み、入口と広がりを突き止める'], plan: '3.3.1' },
        ],
      },
      reportInject([system(1), 'が止まり、', a(systems[0]), 'の担当者も作業を止めて待っている。']),
      graspInject([head, 'が、今日の生産をどうするか決めたいと言っている。']),
    ],
  };

  const cloudFirst = marked(answers, 11) && !marked(answers, 8);
  const mailCloud: Scenario = {
    id: 'mail-cloud',
    title: cloudFirst ? 'クラウドサービスのアカウントが乗っ取られる' : 'メールの添付ファイルからマルウェアに感染する',
    entries: cloudFirst ? [11] : [8],
    onMarkedEntry: cloudFirst || marked(answers, 8),
    setting: cloudFirst
      ? ['事務所の社員のアカウントで、深夜に海外からクラウドサービスにログインした記録がある。']
      : ['取引先を名乗るメールの請求書の添付ファイルを、事務所の社員が開いた。'],
    injects: [
      {
        minutes: 0,
        text: cloudFirst
          ? ['取引先から「御社から振込先の変更の依頼メールが来たが本当か」と電話が入る。']
          : ['添付ファイルを開いた社員のパソコンと、共有している', system(2), 'のファイルの名前が次々に変わっていく。'],
        questions: [
          { text: ['まず誰に知らせ、何を止めますか。'], plan: '3.1.4' },
          { text: ['取引先や社内に、何を知らせますか。'], plan: '5.2' },
        ],
        expected: [
          {
            text: cloudFirst
              ? [receiver, 'に知らせ、乗っ取られたアカウントを止めてパスワードを変える。管理者の権限を持つアカウントも変える']
              : [receiver, 'に知らせ、そのパソコンを LAN ケーブルを抜いてネットワークから外す。電源は切らない'],
            plan: cloudFirst ? '3.3.2' : '3.1.4',
          },
          {
            text: cloudFirst
              ? ['取引先に、当社を名乗る偽のメールが出回っているおそれを知らせ、振込先の変更などには応じないよう頼む']
              : ['メールの送り主とされた取引先に知らせ、社内には同じメールを開かないよう知らせる'],
            plan: '5.2',
          },
        ],
      },
      reportInject(['同じメールを受け取った社員がほかにもいると分かった。']),
      graspInject([system(2), 'のデータが使えるかどうか、現場が答えを待っている。']),
      {
        minutes: graspMinutes + 2 * 60,
        text: ['個人の情報（取引先の担当者の名前やメールアドレス）が見られた疑いがある。'],
        questions: [{ text: ['どこに届け出ますか。誰が受け持ちますか。'], plan: '3.2.4' }],
        expected: [{ text: [liaison, 'が個人情報保護委員会への報告と IPA への届出を受け持つ'], plan: '3.2.4' }],
      },
    ],
  };

  const shared: ScenarioContext = { answers, today, receiver, lead, head, liaison, firm, last, graspMinutes, reportInject, graspInject };
  const scenarios = [ransomware, broughtIn, mailCloud, systemStopScenario(shared), leakScenario(shared)];
  for (const scenario of scenarios) scenario.injects.sort((x, y) => x.minutes - y.minutes);
  // Scenarios through an entry the company marked high or BAD first (a stable sort keeps the rest in order).
  return scenarios.sort((x, y) => Number(y.onMarkedEntry) - Number(x.onMarkedEntry));
}

/**
 * The closing questions of every exercise: the after-action review, one question per point
 * of IPA's review sheet for a tabletop exercise (purpose achieved, understanding of the
 * procedure, coordination, leadership, sharing and records, issues, actions for next time,
 * overall), asked in our words.
 */
export const CLOSING_QUESTIONS: readonly Prompt[] = [
  { text: ['目的の達成: この訓練で確かめたかったこと（初動、連絡の流れ、復旧の順番など）は、どこまで確かめられましたか。'], plan: '6.3' },
  { text: ['手順の理解: 計画やチェックリストのどこを見ればよいか、すぐに分かりましたか。迷った手順はどれですか。'], plan: '3' },
  { text: ['連携と連絡: 部署の間や社外への連絡は、早く正しく届きましたか。遅れたり途切れたりしたのはどこですか。'], plan: '3.2.2' },
  { text: ['判断と指示: 優先順位を決めて指示を出すまでに、時間がかかった場面はありましたか。誰が決めるか迷いませんでしたか。'], plan: '3.2.3' },
  { text: ['情報の共有と記録: 対応の経過を、誰がどう記録しましたか。その場で記録を見て、皆が同じ状況をつかめましたか。'], plan: '3.4.1' },
  { text: ['課題と改善: 一番困ったことは何ですか。計画、連絡先、準備しておく物のどこを直せば防げますか。'], plan: '6.3' },
  { text: ['次回までにすること: 計画の直し、準備、次の訓練のテーマを、誰がいつまでに行いますか（振り返りシートに書きます）。'], plan: '6.1' },
  { text: ['全体の評価: 全体として、実際の事故のときに動けそうですか。次に一番強めたいことは何ですか。'], plan: '6.3' },
];

/** The incident log in exercise mode (built by the incident log's owner): records there are marked 「訓練」. */
export const EXERCISE_LOG = 'checklists/incident.html?mode=exercise';
