#!/usr/bin/env node
/**
 * The `bcp` command line.
 *
 *   bcp check [--answers FILE] [--json] [--today DATE] [PATH...]   validate answers and slots, build nothing
 *   bcp build [--answers FILE] [--out DIR] [--public] [--today DATE]  check, then build the site (default dist/)
 *   bcp revisions --base REF [--answers FILE]       fail when the plan changed since REF without a new revision
 *   bcp pdf [--answers FILE] [--site DIR] [--out FILE]  the binder PDF alone
 *   bcp schema                                      rewrite answers/answers.schema.json
 *
 * `check` is the command people run after every edit, so this file imports only what it
 * needs; every other command loads its modules with `import()`. `npm run …` runs the
 * bundle of this file (scripts/bundle-cli.ts), which keeps that split.
 */
import { parseArgs } from 'node:util';
import { runCheck } from '../check/check.ts';
import { formatProblem, formatSummary, githubAnnotation, toJson } from '../check/report.ts';
import { DEFAULT_ANSWERS_FILE } from '../answers/load.ts';
import { isIsoDate } from '../answers/due.ts';

const USAGE = `使い方:
  bcp check [--answers ファイル] [--json] [--today 日付] [パス...]
                                                     回答と本文の枠を確かめる（サイトは作らない）
  bcp build [--answers ファイル] [--out フォルダ] [--public] [--today 日付]
                                                     確かめてからサイトを作る（既定: dist/）。--public は
                                                     氏名・電話番号・メールアドレスを「非公開」にした公開版
  bcp revisions --base 比べる元 [--answers ファイル]
                                                     比べる元から計画が変わったのに改訂履歴が増えていなければ失敗する
  bcp pdf [--answers ファイル] [--site フォルダ] [--out ファイル]
                                                     綴じ込み用の PDF だけを作る（--site は作ったサイト、既定は回答から作る）
  bcp schema                                         answers/answers.schema.json を作り直す

  --today 2026-04-01 のように書くと、見直し・教育・訓練・監査の期限をその日から数えます（既定: 今日）。`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        answers: { type: 'string', default: DEFAULT_ANSWERS_FILE },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        site: { type: 'string' },
        public: { type: 'boolean', default: false },
        today: { type: 'string' },
        base: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    console.error(`オプション${option ? `「${option}」` : ''}の書き方が正しくないか、知らないオプションです。\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.today !== undefined && !isIsoDate(values.today)) {
    console.error(`--today「${values.today}」は日付として読めません。2026-04-01 のように 年-月-日 で書いてください。`);
    return 2;
  }
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'check': {
      const result = await runCheck({ answersFile: values.answers, paths: positionals, today: values.today });
      if (values.json) {
        console.log(toJson(result));
      } else {
        for (const problem of result.problems) console.error(formatProblem(problem));
        console.error(formatSummary(result.errorCount, result.warningCount));
      }
      if (process.env.GITHUB_ACTIONS === 'true') for (const problem of result.problems) console.log(githubAnnotation(problem));
      return result.errorCount > 0 ? 1 : 0;
    }
    case 'build': {
      const { buildSite } = await import('../build/build.ts');
      return (await buildSite({ answersFile: values.answers, outDir: values.out ?? 'dist', public: values.public, today: values.today })) ? 0 : 1;
    }
    case 'revisions': {
      if (values.base === undefined) {
        console.error(`比べる元を --base で指定してください（例: bcp revisions --base origin/main）。\n${USAGE}`);
        return 2;
      }
      const { checkRevisions } = await import('../check/revisions.ts');
      const result = checkRevisions({ base: values.base, answersFile: values.answers });
      for (const problem of result.problems) console.error(formatProblem(problem));
      if (process.env.GITHUB_ACTIONS === 'true') for (const problem of result.problems) console.log(githubAnnotation(problem));
      if (result.problems.length > 0) return 1;
      console.error(result.changed.length === 0 ? `${values.base} から計画の中身は変わっていません。` : '計画の変更に合わせて改訂履歴も増えています。');
      return 0;
    }
    case 'pdf': {
      const { runPdfCommand } = await import('../pdf/command.ts');
      return (await runPdfCommand({ answersFile: values.answers, siteDir: values.site, outFile: values.out })) ? 0 : 1;
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
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
