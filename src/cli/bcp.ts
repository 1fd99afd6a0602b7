#!/usr/bin/env node
/**
 * The `bcp` command line.
 *
 *   bcp check [--answers FILE] [--json] [PATH...]   validate answers and slots, build nothing
 *   bcp build [--answers FILE] [--out DIR]          check, then build the site (default dist/)
 *   bcp schema                                      rewrite answers/answers.schema.json
 */
import { parseArgs } from 'node:util';
import { runCheck } from '../check/check.ts';
import { formatProblem, formatSummary, githubAnnotation, toJson } from '../check/report.ts';
import { DEFAULT_ANSWERS_FILE } from '../answers/load.ts';
import { writeAnswersJsonSchema } from '../answers/json-schema.ts';

const USAGE = `使い方:
  bcp check [--answers ファイル] [--json] [パス...]  回答と本文の枠を確かめる（サイトは作らない）
  bcp build [--answers ファイル] [--out フォルダ]    確かめてからサイトを作る（既定: dist/）
  bcp schema                                         answers/answers.schema.json を作り直す`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      answers: { type: 'string', default: DEFAULT_ANSWERS_FILE },
      json: { type: 'boolean', default: false },
      out: { type: 'string', default: 'dist' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'check': {
      const result = await runCheck({ answersFile: values.answers, paths: positionals });
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
      return (await buildSite({ answersFile: values.answers, outDir: values.out })) ? 0 : 1;
    }
    case 'schema': {
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
