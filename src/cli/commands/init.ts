/**
 * `bcp init`: writes a new company's answers file (see template.ts for what is in it).
 * Never overwrites an existing file without `--force`: it may hold a company's work.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { todayInJapan } from '../../answers/due.ts';
import { DEFAULT_ANSWERS_FILE } from '../../answers/load.ts';
import { JSON_SCHEMA_FILE } from '../../answers/json-schema.ts';
import { formatProblem } from '../../errors/report.ts';
import { ruleMessage } from '../../errors/catalogue.ts';
import { initialAnswers } from './init-template.ts';

export interface RunInitOptions {
  /** Where to write. Default: `answers/answers.yaml`. */
  answersFile?: string;
  /** Overwrite an existing file. Default: false. */
  force?: boolean;
  /** Working directory. Default: `process.cwd()`. */
  cwd?: string;
  /** YYYY-MM-DD of the first revision. Default: today in Japan. */
  today?: string;
}

const THREATS_DIR = 'content/threats';

/** Entry number → name, from the threat pages' front matter, so the file says which entry is which. */
function threatNames(cwd: string): Map<number, string> {
  const names = new Map<number, string>();
  const dir = path.resolve(cwd, THREATS_DIR);
  if (!existsSync(dir)) return names;
  for (const file of readdirSync(dir)) {
    const number = /^(\d+)-.*\.mdx?$/.exec(file)?.[1];
    const name = /^name:\s*(.+)$/m.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1];
    if (number && name) names.set(Number(number), name.trim().replace(/^["']|["']$/g, ''));
  }
  return names;
}

/** Exit code: 0 written, 2 refused. */
export function runInit(options: RunInitOptions = {}): number {
  const cwd = options.cwd ?? process.cwd();
  const file = options.answersFile ?? DEFAULT_ANSWERS_FILE;
  const target = path.resolve(cwd, file);
  const shown = path.relative(cwd, target) || file;
  if (existsSync(target) && !options.force) {
    console.error(
      formatProblem({
        file: shown,
        line: 1,
        column: 1,
        ruleId: 'init-file-exists',
        severity: 'error',
        message: ruleMessage('init-file-exists', { file: shown }),
      }),
    );
    return 2;
  }
  // A relative URL: each segment percent-encoded, so a folder name with spaces or Japanese keeps the modeline one token.
  const schemaPath = path
    .relative(path.dirname(target), path.resolve(cwd, JSON_SCHEMA_FILE))
    .split(path.sep)
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
  const text = initialAnswers({
    today: options.today ?? todayInJapan(),
    schemaPath: schemaPath.startsWith('.') ? schemaPath : `./${schemaPath}`,
    threatNames: threatNames(cwd),
  });
  mkdirSync(path.dirname(target), { recursive: true });
  // Write beside, then rename: an interrupted run leaves the old file whole.
  const staging = `${target}.${process.pid}.tmp`;
  writeFileSync(staging, text);
  renameSync(staging, target);
  console.log(`${shown} を作りました。続けて \`npm run check\` を実行し、示された欄を埋めてください。`);
  return 0;
}
