/**
 * `bcp init --plan <id>`: starts `plans/<id>/answers.yaml`. With a shared base
 * (base.yaml in the plans folder) the new plan only names it and waits for the plan's own values;
 * without one it is a whole answers file, as `bcp init` writes.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { todayInJapan } from '../answers/due.ts';
import { ruleMessage } from '../errors/catalogue.ts';
import { formatProblem } from '../errors/report.ts';
import { BASE_NAME, PLAN_ID, planAnswersFile } from './plans.ts';

export async function runPlanInit(options: { dir: string; id: string; force: boolean; cwd?: string }): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const baseFile = path.join(options.dir, BASE_NAME);
  if (!PLAN_ID.test(options.id)) {
    console.error(`計画の名前「${options.id}」は使えません。英数字・ハイフン・下線だけで、英数字から始めてください（例: east-plant）。`);
    return 2;
  }
  const file = planAnswersFile(options.id, options.dir);
  if (!existsSync(path.resolve(cwd, baseFile))) {
    const { runInit } = await import('../cli/commands/init.ts');
    return runInit({ answersFile: file, force: options.force, cwd });
  }
  const target = path.resolve(cwd, file);
  if (existsSync(target) && !options.force) {
    console.error(
      formatProblem({ file, line: 1, column: 1, ruleId: 'init-file-exists', severity: 'error', message: ruleMessage('init-file-exists', { file }) }),
    );
    return 2;
  }
  const extendsPath = path.relative(path.dirname(target), path.resolve(cwd, baseFile)).split(path.sep).join('/');
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(
    target,
    `# 計画「${options.id}」の回答ファイル
#
# 共通の値は ${extendsPath} にあります。ここに書いた値が、それをキーごとに上書きします。
# - 「キー: 値」の集まり（company: など）は、書いたキーだけが置き換わり、ほかは共通の値のままです。
# - contacts は id ごとに合わせます（同じ id はその連絡先を上書き、新しい id は追加）。
# - ほかのリスト（revisions、bia の中など）は、書くとまるごと置き換わります（共通のリストに足すのではありません）。
# - この拠点・会社だけの人、電話番号、システム、BIA、脅威の入口の評価、改訂履歴をここに書きます。
# - 書いたら bcp check --plan ${options.id} で確かめます。問題は、その値を書いたファイルの行で示されます。

extends: ${extendsPath}

# この計画の改訂履歴。承認する人の役職（approvedBy）を書きます。
revisions:
  - version: "1.0"
    date: ${todayInJapan()}
    summary: 共通の回答をもとに初版を作成
    approvedBy:
`,
  );
  console.error(`${file} を作りました。続けて bcp check --plan ${options.id} を実行し、示された欄を埋めてください。`);
  return 0;
}
