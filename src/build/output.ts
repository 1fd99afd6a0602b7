/**
 * The output folder's safety: which folders a build may replace, the lock that keeps two
 * builds out of one folder, and the swap that puts a finished site in place.
 *
 * A build only ever deletes what a build made: a folder carrying our marker file, its own
 * staging folders, and leftovers of killed builds (named after a process that is gone).
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
  if (readdirSync(out).length > 0 && !isOurOutput(out)) return refuse('空でなく、bcp build が作ったフォルダでもありません');
  return undefined;
}

/** A folder a build made: it has our marker (or is a site from before the marker, by its files). */
export function isOurOutput(folder: string): boolean {
  if (existsSync(path.join(folder, OUTPUT_MARKER))) return true;
  return ['print.html', 'plan.pdf', 'checklists.html', 'index.html'].every((file) => existsSync(path.join(folder, file)));
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

/** Moves the finished site beside the output, then swaps it in; the old site is removed last. */
export function publishSite(site: string, paths: BuildPaths): void {
  writeFileSync(path.join(site, OUTPUT_MARKER), 'bcp build が作ったフォルダです。次の bcp build はこのフォルダを丸ごと置き換えます。\n');
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
}

/** Undoes whatever an interrupted build had started; the previous site ends up where it was. */
export function abandonBuild(paths: BuildPaths): void {
  if (!existsSync(paths.out) && existsSync(paths.previous)) renameSync(paths.previous, paths.out);
  for (const folder of [paths.staged, paths.scratch]) rmSync(folder, { recursive: true, force: true });
  releaseLock(paths);
}
