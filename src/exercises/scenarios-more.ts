/**
 * The two scenarios IPA names as the most realistic for a small factory, beside the
 * ransomware one: a system that stops with no visible cause, and a leak of information the
 * company holds. Written, like the others, from the company's answers: the system, the
 * roles, the outside firm and the time targets are `{ answer }` parts.
 *
 * Every restore question comes well before the system's own RTO, so the exercise never
 * discusses a restore later than the target it quotes.
 */
import { durationMinutes } from '../answers/rules/timing.ts';
import type { Answers } from '../answers/schema.ts';
import { recoveryOrder } from '../bia/recovery.ts';
import type { Part } from '../site/checklists.ts';
import { assessmentOf } from '../site/threats.ts';
import type { Inject, Scenario } from './types.ts';

/** What every scenario shares, built once by `exerciseScenarios`. */
export interface ScenarioContext {
  answers: Answers;
  today: string;
  /** #1#: who is told first. */
  receiver: Part;
  /** #3#: who leads the first response. */
  lead: Part;
  /** #10#: the head of the response office. */
  head: Part;
  /** #14#: who contacts public bodies. */
  liaison: Part;
  /** The outside responder's firm. */
  firm: Part;
  /** The last on the reporting route (#8#). */
  last: Part;
  /** Minutes to the overview (#7#). */
  graspMinutes: number;
  reportInject: (story: Part[]) => Inject;
  graspInject: (story: Part[]) => Inject;
}

const a = (text: string | undefined): Part => ({ answer: text ?? '（未回答）' });

function marked(answers: Answers, entry: number): boolean {
  const level = assessmentOf(answers, entry).level;
  return level === 'BAD' || level === 3 || level === 4;
}

/** An unexplained stop of the system to restore first: fault or attack, found out on the way. */
export function systemStopScenario(c: ScenarioContext): Scenario {
  const order = c.answers.bia ? recoveryOrder(c.answers.bia, c.today) : [];
  const first = order[0];
  const system = a(first?.system.name ?? c.answers.slots[6]?.[0]);
  const rto = first?.system.rto;
  const rtoMinutes = (rto && durationMinutes(rto)) || undefined;
  // The restore decision comes at half the RTO at the latest (and never before the overview).
  const decideAt = rtoMinutes ? Math.max(c.graspMinutes + 30, Math.floor(rtoMinutes / 2 / 30) * 30) : c.graspMinutes + 60;
  const decide = rtoMinutes && decideAt >= rtoMinutes ? c.graspMinutes + 30 : decideAt;
  return {
    id: 'system-stop',
    title: '原因の分からないまま業務の要のシステムが止まる',
    entries: [8, 10],
    onMarkedEntry: marked(c.answers, 8) || marked(c.answers, 10),
    setting: [
      '平日の朝。',
      system,
      'が急に止まり、どの端末からもつながらない。画面に脅迫のメッセージは出ていない。',
      ...(rto ? ['目標復旧時間は ', a(rto), '。'] : []),
    ],
    injects: [
      {
        minutes: 0,
        text: ['現場から', c.receiver, 'に「', system, 'につながらない。出荷の準備が止まっている」と電話が入る。'],
        questions: [
          { text: ['故障ですか、攻撃ですか。どの手がかりで見分けますか。分からないときはどう扱いますか。'], plan: '3.1.3' },
          { text: ['電源を入れ直してよいですか。まず何を残しますか。'], plan: '3.1.4' },
        ],
        expected: [
          { text: ['判断基準の5つの手がかりに当てはめる。どれにも当てはまらなくても、原因が分かるまでは攻撃の可能性を残して扱う'], plan: '3.1.3' },
          { text: [c.lead, 'が、電源を切ったり再起動したりせず、画面やランプの様子を写真に残し、ログを保全してから調べる'], plan: '3.1.4' },
        ],
      },
      {
        minutes: 30,
        text: ['保守業者は「機器の故障は見当たらない」と言う。ほかのパソコンは動いている。'],
        questions: [
          { text: ['止まっている間、業務をどう続けますか。'], plan: '3.3.3' },
          { text: ['原因の調査を、誰に頼みますか。'], plan: '3.3.1' },
        ],
        expected: [
          {
            text: first?.system.fallback
              ? ['止まっている間の代わり: ', a(first.system.fallback)]
              : ['「業務影響と復旧の順番」に書いた、止まっている間の代わりのやり方に切り替える'],
            plan: '3.3.3',
          },
          { text: [c.firm, 'に調査を頼み、故障か攻撃かを突き止める'], plan: '3.3.1' },
        ],
      },
      c.reportInject([c.last, 'から「今日の納品は間に合うか」と問い合わせが来る。']),
      c.graspInject([c.head, 'が「いつ戻るのか」と聞いてくる。']),
      {
        minutes: decide,
        text: [c.firm, 'の調べで、止まる直前に、使っていないはずの管理者アカウントでログインした跡が見つかった。'],
        questions: [
          { text: ['このあと何をしますか。戻す前に何を確かめますか。'], plan: '3.3.2' },
          { text: ['目標の時間までに戻せそうですか。間に合わないとき、誰に何を伝えますか。'], plan: '3.3.3' },
        ],
        expected: [
          { text: ['攻撃として扱い直す。そのアカウントを止め、管理者の権限を持つアカウントのパスワードをすべて変える'], plan: '3.3.2' },
          {
            text: ['バックアップが汚されていないことを確かめてから戻す。間に合わない見込みなら、その時点で報告ルートの相手に見通しを伝える'],
            plan: '3.3.3',
            deadline: rto ? [system, 'は', a(rto)] : undefined,
          },
        ],
      },
      {
        minutes: 7 * 24 * 60,
        text: ['生産を再開して1週間。夜中に、止めたはずのアカウントでログインしようとした記録が残っていた。'],
        questions: [{ text: ['再開の後、誰が、いつまで、何を見張っていますか。この記録を見つけたら何をしますか。'], plan: '3.3.4' }],
        expected: [
          { text: [c.lead, 'が決めた期間、ログと通信を見張っている。兆しが見つかったので、攻撃とみなして初動に戻り、見張る期間を数え直す'], plan: '3.3.4' },
        ],
      },
    ],
  };
}

/** A leak of information the company holds (a customer's drawings and people's contact details), found from outside. */
export function leakScenario(c: ScenarioContext): Scenario {
  const names = c.answers.bia?.systems.map((s) => s.name) ?? c.answers.slots[6] ?? [];
  const store = a(names.find((n) => /ファイル|共有/.test(n)) ?? names.at(-1));
  return {
    id: 'leak',
    title: '預かった図面と取引先の連絡先が外に漏れる',
    entries: [8, 11],
    onMarkedEntry: marked(c.answers, 8) || marked(c.answers, 11),
    setting: ['取引先から預かった図面と、取引先の担当者の名前・メールアドレスの一覧を、', store, 'に置いている。'],
    injects: [
      {
        minutes: 0,
        text: ['取引先の担当者から', c.receiver, 'に電話。「御社に渡した図面が、盗んだデータを載せるサイトに出ている」。'],
        questions: [
          { text: ['電話をくれた人から、何を聞いて何を控えますか。'], plan: '3.1.2' },
          { text: ['これは攻撃とみなしますか。まず何を確かめますか。'], plan: '3.1.3' },
        ],
        expected: [
          { text: ['相手の名前・所属・折り返しの連絡先と、見つけた場所・時刻を控える。この時刻が報告の期限を数える起点になる'], plan: '3.1.2' },
          { text: [c.lead, 'が、その図面がどこに置いてあったかを確かめ、不正アクセスの疑いとして動く'], plan: '3.1.3' },
        ],
      },
      {
        minutes: 30,
        text: [store, 'の記録に、夜中に外部から大量のファイルを読み出した跡があった。'],
        questions: [{ text: ['何を止め、何を残しますか。'], plan: '3.1.4' }],
        expected: [
          { text: [store, 'への外部からの接続を止め、使われたアカウントを止める。ログは書き換えられないよう保全する'], plan: '3.1.4' },
          { text: [c.firm, 'に調査を頼み、何がいつ、どこから持ち出されたかを突き止める'], plan: '3.3.1' },
        ],
      },
      c.reportInject(['ほかの取引先の図面も同じ場所に置いていたと分かった。']),
      c.graspInject([c.head, 'が、どの取引先に何を知らせるかを決めたいと言っている。']),
      {
        minutes: c.graspMinutes + 60,
        text: ['持ち出されたファイルに、取引先の担当者の名前とメールアドレスの一覧が含まれていた。'],
        questions: [
          { text: ['個人情報保護委員会に、いつまでに何を報告しますか。漏れた人数が少なくても報告しますか。'], plan: '3.2.4' },
          { text: ['名前とアドレスが漏れた本人には、どう知らせますか。'], plan: '5.2' },
        ],
        expected: [
          {
            text: [c.liaison, 'が速報を出し、確報までに調べを詰める。不正アクセスによるものなので、人数にかかわらず報告の対象になる'],
            plan: '3.2.4',
            deadline: ['速報はおおむね3〜5日以内、確報は60日以内'],
          },
          { text: ['本人に、何が漏れたか、なりすましメールへの注意、問い合わせ先を知らせる。知らせられない人には公表と問い合わせ窓口で代える'], plan: '5.2' },
          { text: ['警察に相談する。IPA への届出も行う'], plan: '3.2.4' },
        ],
      },
      {
        minutes: 24 * 60,
        text: ['翌日、攻撃者から「払わなければ残りのデータも公開する」とメールが届いた。図面を預けた取引先からは「契約で決めた報告がまだだ」と連絡があった。'],
        questions: [
          { text: ['攻撃者のメールにどう対応しますか。'], plan: '3.2.5' },
          { text: ['取引先との契約で決めた報告の期限と窓口を、誰が知っていますか。何を報告しますか。'], plan: '3.2.2' },
        ],
        expected: [
          { text: ['払わず、返事もしない。メールは証拠として残し、警察に伝える'], plan: '3.2.5' },
          { text: ['契約の期限と窓口を確かめ、分かったこと・まだ分からないこと・再発防止の見通しを続報として届ける'], plan: '3.2.2' },
        ],
      },
    ],
  };
}
