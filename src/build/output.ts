/**
 * The output folder's safety: which folders a build may replace, the lock that keeps two
 * builds out of one folder, and the swap that puts a finished site in place.
 *
 * A build only ever deletes what a build made, by record: the marker file of a finished
 * site lists every file that build wrote, and a folder is replaced only when it holds the
 * marker and nothing beyond the listed files (checked before the build and again just
 * before the swap). Besides that, only its own staging folders and leftovers of killed
 * builds (named after a process that is gone) are removed. No folder is taken for ours
 * by the names of its files.
 */
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';

/** Written into every finished site: the proof that a later build may replace the folder. */
export const OUTPUT_MARKER = '.bcp-output';

/** Folders of the project that no output may be, contain or sit in. */
const PROJECT_FOLDERS = ['content', 'answers', 'src', 'plugins', 'public', 'test', 'scripts', '.git', '.github', '.ci', 'node_modules', '.astro'];

/** Why `out` must not be written, or undefined when it may. */
export function refuseOutput(root: string, outArg: string): Problem | undefined {
  const refuse = (reason: string): Problem => ({
    file: outArg === '' ? '--out' : outArg,
    line: 1,
    column: 1,
    ruleId: 'output-refused',
    severity: 'error',
    message: ruleMessage('output-refused', { out: outArg, reason }),
  });
  if (outArg.trim() === '') return refuse('空の名前です');
  const unexpanded = unexpandedShellWord(outArg);
  if (unexpanded) {
    return {
      file: outArg,
      line: 1,
      column: 1,
      ruleId: 'output-path-unexpanded',
      severity: 'error',
      message: ruleMessage('output-path-unexpanded', { out: outArg, word: unexpanded }),
    };
  }
  const out = path.resolve(root, outArg);
  const projectRoot = path.resolve(root);
  if (out === projectRoot || isInside(projectRoot, out)) return refuse('プロジェクトのフォルダそのもの、またはその上のフォルダです');
  for (const name of PROJECT_FOLDERS) {
    const folder = path.join(projectRoot, name);
    if (out === folder || isInside(out, folder)) return refuse(`プロジェクトの \`${name}\` フォルダか、その中です`);
  }
  const info = lstatOrUndefined(out);
  if (!info) return undefined;
  if (info.isSymbolicLink()) return refuse('シンボリックリンクです');
  if (!info.isDirectory()) return refuse('既にあるファイルです');
  if (readdirSync(out).length === 0) return undefined;
  return foreignContent(out, outArg);
}

/**
 * A shell word the shell did not expand, as the user typed it (`~`, `~user/x`, `$HOME/x`,
 * `${HOME}`, `%USERPROFILE%`): quoted, or from a script or a config. Undefined when none.
 */
export function unexpandedShellWord(outArg: string): string | undefined {
  const tilde = /^~[^/\\]*/.exec(outArg);
  if (tilde) return tilde[0];
  return /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_][A-Za-z0-9_()]*%/.exec(outArg)?.[0];
}

/** What a finished site's marker holds: the files its build wrote, relative with `/`. */
export interface OutputRecord {
  tool: 'bcp build';
  note: string;
  files: string[];
}

/** The marker's record, or why it cannot be trusted. */
export function readOutputRecord(folder: string): { record: OutputRecord } | { reason: string } {
  let text: string;
  try {
    text = readFileSync(path.join(folder, OUTPUT_MARKER), 'utf8');
  } catch {
    return { reason: `目印のファイル ${OUTPUT_MARKER} がありません` };
  }
  try {
    const record = JSON.parse(text) as Partial<OutputRecord>;
    if (record.tool === 'bcp build' && Array.isArray(record.files) && record.files.every((file) => typeof file === 'string'))
      return { record: record as OutputRecord };
  } catch {
    // Not JSON: a marker of an older bcp build (a sentence, no list) or someone else's file.
  }
  return { reason: `目印のファイル ${OUTPUT_MARKER} に、build が書いたファイルの一覧がありません（前の版の bcp build の目印か、壊れています）` };
}

/** Every file and folder below `folder`, relative with `/`, folders ending in `/`; links are not followed. */
function contentsOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).map((entry) => {
    const rel = path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    return entry.isDirectory() ? `${rel}/` : rel;
  });
}

/**
 * Why the non-empty `folder` must not be replaced: no trustworthy marker, or something in it
 * that the marker does not list (each named). Undefined when it holds only what a build wrote.
 */
export function foreignContent(folder: string, outArg: string): Problem | undefined {
  const at = (rel: string) => (outArg === '' ? rel : path.join(outArg, rel));
  const read = readOutputRecord(folder);
  if ('reason' in read) {
    return {
      file: outArg,
      line: 1,
      column: 1,
      ruleId: 'output-not-ours',
      severity: 'error',
      message: ruleMessage('output-not-ours', { out: outArg, reason: read.reason }),
    };
  }
  const listed = new Set([OUTPUT_MARKER, ...read.record.files]);
  const parents = new Set(
    read.record.files.flatMap((file) =>
      file
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`),
    ),
  );
  const foreign = contentsOf(folder).filter((entry) => !(entry.endsWith('/') ? parents.has(entry) : listed.has(entry)));
  // A folder is named only when nothing inside it is (its files name it well enough).
  const named = foreign.filter((entry) => !foreign.some((other) => other !== entry && entry.endsWith('/') && other.startsWith(entry))).sort();
  if (named.length === 0) return undefined;
  const shown = named
    .slice(0, 5)
    .map((entry) => `「${at(entry)}」`)
    .join('、');
  return {
    file: at(named[0]!),
    line: 1,
    column: 1,
    ruleId: 'output-foreign-file',
    severity: 'error',
    message: ruleMessage('output-foreign-file', { out: outArg, files: shown, more: named.length - Math.min(named.length, 5) }),
  };
}

/** `inner` lies strictly below `outer`. */
function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The folders and files of one build, all named after its process. */
export interface BuildPaths {
  out: string;
  lock: string;
  /** Beside the output, so the final rename stays on one disk. */
  staged: string;
  /** Where the previous site waits during the swap. */
  previous: string;
  /** Astro's own scratch space for this build: output, cache and prerender chunks, inside the project. */
  scratch: string;
}

let builds = 0;

export function buildPaths(root: string, out: string, pid = process.pid): BuildPaths {
  builds += 1;
  return {
    out,
    lock: `${out}.bcp-lock`,
    staged: `${out}.bcp-tmp-${pid}`,
    previous: `${out}.bcp-old-${pid}`,
    // Numbered too: one process (a test run) may build several sites at once.
    scratch: path.join(root, '.astro', `bcp-build-${pid}-${builds}`),
  };
}

/** Takes the output's lock, or returns the problem naming the build that holds it. */
export function acquireLock(paths: BuildPaths, outArg: string): Problem | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(paths.lock, String(process.pid), { flag: 'wx' });
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(paths.lock, 'utf8').trim());
      if (processIsAlive(holder) && holder !== process.pid) {
        return {
          file: outArg,
          line: 1,
          column: 1,
          ruleId: 'output-locked',
          severity: 'error',
          message: ruleMessage('output-locked', { out: outArg, pid: holder }),
        };
      }
      // A killed build's lock: take it over.
      rmSync(paths.lock, { force: true });
    }
  }
  return undefined;
}

export function releaseLock(paths: BuildPaths): void {
  rmSync(paths.lock, { force: true });
}

/**
 * Removes what killed builds left behind, and first puts back a previous site that a
 * build killed mid-swap had moved aside (then it is the only copy of the last good site).
 */
export function recoverAndSweep(root: string, out: string): void {
  const dir = path.dirname(out);
  const base = path.basename(out);
  // Each name carries the process that made it, right after the prefix.
  const leftovers = (parent: string, prefix: string) =>
    existsSync(parent)
      ? readdirSync(parent)
          .filter((name) => name.startsWith(prefix) && !processIsAlive(Number(/^\d+/.exec(name.slice(prefix.length))?.[0])))
          .map((name) => path.join(parent, name))
      : [];
  for (const old of leftovers(dir, `${base}.bcp-old-`)) {
    if (!existsSync(out)) renameSync(old, out);
    else rmSync(old, { recursive: true, force: true });
  }
  for (const staged of leftovers(dir, `${base}.bcp-tmp-`)) rmSync(staged, { recursive: true, force: true });
  for (const scratch of leftovers(path.join(root, '.astro'), 'bcp-build-')) rmSync(scratch, { recursive: true, force: true });
}

/** The marker of a finished site: the record of every file in `site`, written last. */
export function writeOutputRecord(site: string): void {
  const files = contentsOf(site)
    .filter((entry) => !entry.endsWith('/') && entry !== OUTPUT_MARKER)
    .sort();
  const record: OutputRecord = {
    tool: 'bcp build',
    note: 'bcp build が作ったフォルダの目印です。次の bcp build は、ここに並んだファイルだけのときに限って、このフォルダを置き換えます。ほかのファイルを入れると、build は何も消さずに断ります。',
    files,
  };
  writeFileSync(path.join(site, OUTPUT_MARKER), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Moves the finished site beside the output, then swaps it in; the old site is removed last.
 * Returns the problem, touching nothing, when the output gained a file the build did not write
 * while this build ran.
 */
export function publishSite(site: string, paths: BuildPaths, outArg: string = paths.out): Problem | undefined {
  if (existsSync(paths.out) && readdirSync(paths.out).length > 0) {
    const foreign = foreignContent(paths.out, outArg);
    if (foreign) return foreign;
  }
  writeOutputRecord(site);
  try {
    renameSync(site, paths.staged);
  } catch (error) {
    // Another disk: copy next to the output first, so the swap itself is two renames.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(site, paths.staged, { recursive: true });
  }
  const hadPrevious = existsSync(paths.out) && statSync(paths.out).isDirectory();
  if (hadPrevious) renameSync(paths.out, paths.previous);
  renameSync(paths.staged, paths.out);
  if (hadPrevious) rmSync(paths.previous, { recursive: true, force: true });
  return undefined;
}

/** Undoes whatever an interrupted build had started; the previous site ends up where it was. */
export function abandonBuild(paths: BuildPaths): void {
  if (!existsSync(paths.out) && existsSync(paths.previous)) renameSync(paths.previous, paths.out);
  for (const folder of [paths.staged, paths.scratch]) rmSync(folder, { recursive: true, force: true });
  releaseLock(paths);
}
