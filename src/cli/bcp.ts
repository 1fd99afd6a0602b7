#!/usr/bin/env node
/**
 * The `bcp` command line. `bcp help` lists the commands; `bcp help COMMAND` (or
 * `bcp COMMAND --help`) explains one.
 *
 * `check` is the command people run after every edit, so this file imports only what it
 * needs; every other command loads its modules with `import()`. `npm run …` runs the
 * bundle of this file (scripts/bundle-cli.ts), which keeps that split.
 */
import module from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkReport } from '../check/check.ts';
import { annotateProblems, formatSummary, reportProblems, toJson } from '../errors/report.ts';
import { DEFAULT_ANSWERS_FILE } from '../answers/files.ts';
import { isIsoDate } from '../answers/due.ts';
import { ProblemsError } from '../errors/problems-error.ts';

// As Astro's own CLI does: V8 keeps the compiled code of Astro, Vite and the rest between
// runs, so a build does not compile them again. Kept with the check's caches in the project's
// .cache/ (not the system's temp folder); not in CI, where the cache is thrown away.
if (!process.env.CI) module.enableCompileCache?.(path.join(process.cwd(), '.cache', 'node-compile'));

interface CommandHelp {
  /** The synopsis line. */
  usage: string;
  /** One line for the overview. */
  summary: string;
  /** What `bcp help COMMAND` adds below the synopsis. */
  details: string;
}

/** The multi-plan options (src/plans/), shared by the commands that go over plans. */
const PLAN_OPTIONS = `  --plan 計画         plans/<計画>/answers.yaml の計画だけ（何度でも書ける。既定: plans/ があればすべての計画）
  --plans フォルダ    計画のフォルダ（既定: plans）`;

const COMMANDS: Readonly<Record<string, CommandHelp>> = {
  init: {
    usage: 'bcp init [--answers ファイル | --plan 計画] [--force]',
    summary: '新しい会社の回答ファイルを作る（既定: answers/answers.yaml）',
    details: `ひな形の質問をコメントに、ひな形の見本の値を回答に入れた回答ファイルを作ります。会社ごとに決める欄は空のままなので、
続けて bcp check を実行し、示された行を埋めていきます。改訂履歴は今日の日付の 1.0 から始まり、脅威の入口はすべて「未評価」です。
  --answers ファイル  作るファイル（既定: ${DEFAULT_ANSWERS_FILE}）
  --force             ファイルがすでにあっても上書きする（ないと上書きせずに終わる）
  --plan 計画         plans/<計画>/answers.yaml を作る（plans/base.yaml があれば、それを extends する短いファイル）
  --plans フォルダ    計画のフォルダ（既定: plans）`,
  },
  check: {
    usage: 'bcp check [--answers ファイル] [--json] [--today 日付] [パス...]',
    summary: '回答と本文の枠を確かめる（サイトは作らない）',
    details: `回答ファイルの値、回答どうしの矛盾、期限、本文の枠を確かめ、問題を「ファイル:行:桁  重さ  内容  ルールID」で示します。
見本のままの回答（answer-unchanged-sample）は警告になります。エラーがあると終了コードは 1 です。
  --answers ファイル  回答ファイル（既定: ${DEFAULT_ANSWERS_FILE}）
  --json              結果を JSON で出す（tokens と problems）
  --today 日付        期限を数える日（例: 2026-04-01。既定: 今日）
  パス...             確かめる本文のファイルやフォルダ（既定: content/ 全体）
${PLAN_OPTIONS}
  --changed 範囲      git の範囲（例: origin/main...HEAD）の変更が関わる計画だけ（plans/<計画>/ の変更はその計画、ほかはすべて）`,
  },
  build: {
    usage: 'bcp build [--answers ファイル] [--out フォルダ] [--public] [--today 日付] [--no-pdf]',
    summary: '確かめてからサイトと PDF を作る（既定: dist/）',
    details: `bcp check と同じ確認をしてから、サイトと綴じ込み用の PDF（plan.pdf）を作ります。エラーがあると前回のサイトを
そのまま残します。出力先は、空のフォルダか、前に bcp build が作ったフォルダ（.bcp-output に並んだファイルだけのもの）に限ります。
  --answers ファイル  回答ファイル（既定: ${DEFAULT_ANSWERS_FILE}）
  --out フォルダ      出力先（既定: dist）
  --public            公開してよいものだけの公開版を作る（許可の一覧: src/answers/visibility.ts）
  --today 日付        期限を数える日（既定: 今日）
  --no-pdf            PDF を作らない（確かめながら直すときに速い）
${PLAN_OPTIONS}
                      計画ごとに dist/<計画>/ を作り、社内版では dist/index.html と dist/overview.csv に一覧を作る`,
  },
  revisions: {
    usage: 'bcp revisions --base 比べる元 [--answers ファイル]',
    summary: '計画を変えたのに改訂履歴が増えていなければ失敗する',
    details: `比べる元（例: origin/main）から本文や回答が変わったのに、改訂履歴（revisions）に新しい版がなければ失敗します。
bcp init で 1.0 から始め直した履歴は、新しい計画として受け付けます。
  --base 比べる元     git のブランチやコミット（必須）
  --answers ファイル  回答ファイル（既定: ${DEFAULT_ANSWERS_FILE}）
${PLAN_OPTIONS}
                      共通のファイル（extends）の変更も、それを使う計画の変更として数える`,
  },
  migrate: {
    usage: 'bcp migrate [--answers ファイル] [--to 版]',
    summary: '回答ファイルを新しいひな形の版に書き換える',
    details: `回答ファイルの templateVersion から --to の版（既定: この道具の版）へ、回答を書き換えます。コメントは残し、
なくなった枠の回答は消し、意味の変わった枠と増えた枠は空にして質問をコメントで添えます。続けて bcp check で空の欄を埋めます。
  --answers ファイル  回答ファイル（既定: ${DEFAULT_ANSWERS_FILE}）
  --to 版             移る先のひな形の版（既定: この道具の版）`,
  },
  upkeep: {
    usage: 'bcp upkeep [--answers ファイル] [--today 日付]',
    summary: '見直し・教育・訓練・監査の期限切れがあれば失敗する',
    details: `check と build では期限切れは警告だけです（連絡先の修正などを止めないため）。期限切れを見落とさないよう、
このコマンドを定期的に（GitHub Actions では毎週）実行し、期限切れがあれば終了コード 1 で知らせます。
  --answers ファイル  回答ファイル（既定: ${DEFAULT_ANSWERS_FILE}）
  --today 日付        期限を数える日（既定: 今日）
${PLAN_OPTIONS}`,
  },
  review: {
    usage: 'bcp review 訓練の記録.json [--answers ファイル]',
    summary: '訓練の記録から、回答に書く変更（最後の訓練日と課題）を表示する',
    details: `インシデント記録の訓練モード（checklists/incident.html?mode=exercise）で保存した JSON を読み、
upkeep.lastDrill と upkeep.followUps に貼る YAML を表示します。貼ったらプルリクエストにしてレビューを受けます。
  --answers ファイル  回答ファイル（既定: ${DEFAULT_ANSWERS_FILE}）`,
  },
  pdf: {
    usage: 'bcp pdf [--answers ファイル] [--site フォルダ] [--out ファイル]',
    summary: '綴じ込み用の PDF だけを作る',
    details: `  --answers ファイル  回答ファイル（既定: ${DEFAULT_ANSWERS_FILE}）
  --site フォルダ     bcp build で作ったサイト（既定: 回答から作る）
  --out ファイル      PDF の出力先`,
  },
  schema: {
    usage: 'bcp schema',
    summary: 'answers/answers.schema.json を作り直す',
    details: 'エディタの補完と入力チェックに使う JSON Schema を、回答のスキーマから作り直します。',
  },
  help: {
    usage: 'bcp help [コマンド]',
    summary: 'この説明を出す',
    details: 'コマンド名を付けると、そのコマンドの説明を出します。bcp コマンド --help、bcp --help、bcp -h も同じです。',
  },
};

const USAGE = `使い方:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.summary}`)
  .join('\n')}

  bcp help コマンド で、そのコマンドの説明を出します。
  --today 2026-04-01 のように書くと、見直し・教育・訓練・監査の期限をその日から数えます（既定: 今日）。`;

function commandHelp(name: string): string {
  const command = COMMANDS[name]!;
  return `使い方: ${command.usage}\n${command.summary}。\n\n${command.details}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    console.error(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      console.log(USAGE);
      return 0;
    }
    if (!Object.hasOwn(COMMANDS, topic)) {
      console.error(`知らないコマンド「${topic}」です。\n${USAGE}`);
      return 2;
    }
    console.log(commandHelp(topic));
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    console.error(`知らないコマンド「${command}」です。\n${USAGE}`);
    return 2;
  }
  // Before parsing: `bcp init --help --bogus` should still explain rather than complain.
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandHelp(command));
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      // --no-pdf
      allowNegative: true,
      options: {
        answers: { type: 'string', default: DEFAULT_ANSWERS_FILE },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        site: { type: 'string' },
        public: { type: 'boolean', default: false },
        pdf: { type: 'boolean', default: true },
        today: { type: 'string' },
        base: { type: 'string' },
        force: { type: 'boolean', default: false },
        to: { type: 'string' },
        plan: { type: 'string', multiple: true },
        plans: { type: 'string' },
        changed: { type: 'string' },
      },
    });
  } catch (error) {
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    console.error(`オプション${option ? `「${option}」` : ''}の書き方が正しくないか、知らないオプションです。\n${commandHelp(command)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.today !== undefined && !isIsoDate(values.today)) {
    console.error(`--today「${values.today}」は日付として読めません。2026-04-01 のように 年-月-日 で書いてください。`);
    return 2;
  }
  // A project with plans/<id>/answers.yaml: the commands go over its plans (src/plans/).
  const { planCommand } = await import('../plans/cli.ts');
  const planned = await planCommand(command, values, positionals, rest);
  if (planned !== undefined) return planned;
  switch (command) {
    case 'check': {
      const result = await checkReport({ answersFile: values.answers, paths: positionals, today: values.today });
      if (values.json) {
        console.log(toJson(result));
        annotateProblems(result.problems);
      } else {
        reportProblems(result.problems);
        console.error(formatSummary(result.errorCount, result.warningCount));
      }
      // A path that does not exist is a mistake in the command, not in the plan.
      if (result.problems.some((problem) => problem.ruleId === 'check-path-not-found')) return 2;
      return result.errorCount > 0 ? 1 : 0;
    }
    case 'build': {
      const { runBuild } = await import('../build/build.ts');
      return runBuild({ answersFile: values.answers, outDir: values.out ?? 'dist', public: values.public, today: values.today, pdf: values.pdf });
    }
    case 'revisions': {
      if (values.base === undefined) {
        console.error(`比べる元を --base で指定してください（例: bcp revisions --base origin/main）。\n${commandHelp('revisions')}`);
        return 2;
      }
      const { checkRevisions } = await import('../check/revisions.ts');
      const result = checkRevisions({ base: values.base, answersFile: values.answers });
      reportProblems(result.problems);
      if (result.problems.length > 0) return 1;
      console.error(result.changed.length === 0 ? `${values.base} から計画の中身は変わっていません。` : '計画の変更に合わせて改訂履歴も増えています。');
      return 0;
    }
    case 'upkeep': {
      const { runUpkeep } = await import('./commands/upkeep.ts');
      return runUpkeep({ answersFile: values.answers, today: values.today });
    }
    case 'pdf': {
      const { runPdfCommand } = await import('./commands/pdf.ts');
      return (await runPdfCommand({ answersFile: values.answers, siteDir: values.site, outFile: values.out })) ? 0 : 1;
    }
    case 'review': {
      const [file] = positionals;
      if (file === undefined || positionals.length > 1) {
        console.error(`訓練の記録のファイルを1つ指定してください（例: bcp review exercise-record.json）。\n${commandHelp('review')}`);
        return 2;
      }
      const { runReview } = await import('./commands/review.ts');
      const result = runReview({ file, answersFile: values.answers });
      reportProblems(result.problems);
      if (result.output !== undefined) console.log(result.output);
      return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
    }
    case 'init': {
      const { runInit } = await import('./commands/init.ts');
      return runInit({ answersFile: values.answers, force: values.force });
    }
    case 'migrate': {
      const { runMigrate } = await import('./commands/migrate.ts');
      return runMigrate({ answersFile: values.answers, to: values.to });
    }
    case 'schema': {
      const { writeAnswersJsonSchema } = await import('../answers/json-schema.ts');
      const file = await writeAnswersJsonSchema();
      console.log(`${file} を書きました。`);
      return 0;
    }
    default:
      console.error(`知らないコマンド「${command}」です。\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Whatever slipped through still reaches the user as Japanese text, never a stack trace.
    if (error instanceof ProblemsError) reportProblems(error.problems);
    else
      console.error(
        `予期しないエラーで止まりました: ${error instanceof Error ? error.message : String(error)}\nこの表示のまま担当者に知らせてください（BCP_DEBUG=1 を付けて実行すると詳しい情報が出ます）。`,
      );
    if (process.env.BCP_DEBUG === '1' && error instanceof Error) console.error(error.stack);
    process.exitCode = 1;
  },
);
