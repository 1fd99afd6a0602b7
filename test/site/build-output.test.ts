/**
 * The output folder's safety: refusals that touch nothing, a failed or interrupted build
 * that keeps the last good site byte for byte, leftovers swept, a lock, and builds into
 * different folders at once.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build/build.ts';
import { buildPaths, OUTPUT_MARKER, recoverAndSweep, refuseOutput, writeOutputRecord } from '../../src/build/output.ts';
import { BCP, FIXTURES, ROOT } from '../helpers.ts';

const EXAMPLE = path.join(FIXTURES, 'answers', 'example.yaml');
const MISSING_7 = path.join(FIXTURES, 'answers', 'missing-7.yaml');
const temp = mkdtempSync(path.join(tmpdir(), 'bcp-output-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every file below `dir` with its bytes' hash: equal trees are equal byte for byte. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = path.join(sub, name);
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else
        files[rel] = createHash('sha256')
          .update(readFileSync(path.join(dir, rel)))
          .digest('hex');
    }
  };
  walk('');
  return files;
}

/** `bcp build` as a child process, so a signal can be sent to it. */
function spawnBuild(args: string[]) {
  const child = spawn(process.execPath, [BCP, 'build', ...args], { cwd: ROOT, env: { ...process.env, GITHUB_ACTIONS: '' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, done };
}

describe('--out values that must never be written', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['the empty string', '', /空の名前です/],
    ['the project root', '.', /プロジェクトのフォルダそのもの/],
    ['a parent of the project', '..', /プロジェクトのフォルダそのもの、またはその上/],
    ['the content folder', 'content', /`content` フォルダ/],
    ['the answers folder', 'answers', /`answers` フォルダ/],
    ['a folder inside the sources', 'src/pages', /`src` フォルダ/],
    ['.git', '.git', /`\.git` フォルダ/],
    ['an existing file', 'README.md', /既にあるファイル/],
  ];
  for (const [name, out, reason] of cases) {
    it(`refuses ${name} with a Japanese message`, () => {
      const problem = refuseOutput(ROOT, out);
      expect(problem?.ruleId).toBe('output-refused');
      expect(problem?.message).toMatch(reason);
      expect(problem?.message).toContain('何も変えていません');
    });
  }

  it('refuses a non-empty folder that a build did not make, exits 2 and leaves it as it was', async () => {
    const foreign = path.join(temp, 'photos');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'holiday.jpg'), 'not a site');
    const lines: string[] = [];
    expect(await runBuild({ answersFile: EXAMPLE, outDir: foreign, cwd: ROOT, log: (l) => lines.push(l) })).toBe(2);
    expect(lines.join('\n')).toMatch(/空でなく、bcp build が作った記録もないので、置き換えません.*output-not-ours/);
    expect(readdirSync(foreign)).toEqual(['holiday.jpg']);
  });

  it('refuses a folder that only looks like a site by its file names, and keeps the thesis in it', async () => {
    const lookalike = path.join(temp, 'lookalike');
    mkdirSync(lookalike);
    for (const file of ['index.html', 'print.html', 'plan.pdf', 'checklists.html', 'thesis.docx']) writeFileSync(path.join(lookalike, file), file);
    const lines: string[] = [];
    expect(await runBuild({ answersFile: EXAMPLE, outDir: lookalike, cwd: ROOT, pdf: false, log: (l) => lines.push(l) })).toBe(2);
    expect(lines.join('\n')).toContain('output-not-ours');
    expect(readdirSync(lookalike).sort()).toEqual(['checklists.html', 'index.html', 'plan.pdf', 'print.html', 'thesis.docx']);
  });

  it('accepts an empty folder, a missing one and a folder holding only what a build recorded', () => {
    const marked = path.join(temp, 'marked');
    mkdirSync(marked);
    writeFileSync(path.join(marked, 'index.html'), 'old');
    writeOutputRecord(marked);
    mkdirSync(path.join(temp, 'empty'));
    for (const out of [marked, path.join(temp, 'empty'), path.join(temp, 'not-yet')]) expect(refuseOutput(ROOT, out)).toBeUndefined();
  });
});

/** Every live process as pid, parent, process group, state and command, from /proc (Linux). */
function processes(): Array<{ pid: number; ppid: number; pgid: number; state: string; command: string }> {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        // `pid (comm) state ppid pgrp …`: the command may hold spaces and brackets.
        const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return [{ pid: Number(name), ppid: Number(ppid), pgid: Number(pgid), state: state!, command }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

describe('a build killed while Chromium prints', () => {
  // SIGKILL gives the build no chance to clean up: Chromium, on a pipe, sees it close and quits.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
    it(`leaves no Chromium running after ${signal}`, async () => {
      // In a folder of their own: a build killed with SIGKILL leaves its lock behind.
      const killed = path.join(temp, 'killed');
      mkdirSync(killed, { recursive: true });
      const { child, done } = spawnBuild(['--answers', EXAMPLE, '--out', path.join(killed, signal)]);
      // Chromium starts while Astro builds the pages: wait for the build's child process.
      const started = Date.now();
      let browser: number | undefined;
      while (browser === undefined) {
        if (Date.now() - started > 120_000) throw new Error('Chromium never started');
        await new Promise((resolve) => setTimeout(resolve, 100));
        browser = processes().find((p) => p.ppid === child.pid && /chrom/i.test(p.command))?.pid;
      }
      // Its helpers (renderer, GPU, zygote) start in its process group.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(processes().filter((p) => p.pgid === browser).length).toBeGreaterThan(0);
      child.kill(signal);
      const { code, stderr } = await done;
      if (signal === 'SIGKILL') expect(code).toBeNull();
      else {
        expect(code, stderr).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(stderr).toContain(`build を中断しました（${signal}）`);
      }
      // Killed at once; a dead process may wait a moment as a zombie for init to collect it.
      const stopped = Date.now();
      while (processes().some((p) => p.pgid === browser && p.state !== 'Z') && Date.now() - stopped < 5000)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(processes().filter((p) => p.pgid === browser && p.state !== 'Z')).toEqual([]);
    });
  }
});

describe('the last good site', () => {
  const out = path.join(temp, 'site with spaces と日本語');
  const twin = path.join(temp, 'twin');
  let good: Record<string, string>;
  let builds: Array<{ code: number | null; stderr: string }>;

  // Two builds at once into different folders: the site the tests below keep, and its twin.
  beforeAll(async () => {
    builds = await Promise.all([
      spawnBuild(['--answers', EXAMPLE, '--out', out, '--no-pdf']).done,
      spawnBuild(['--answers', EXAMPLE, '--out', twin, '--no-pdf']).done,
    ]);
    good = snapshot(out);
  });

  it('is built twice at once, into different folders, each build in its own Astro scratch space', () => {
    for (const build of builds) expect(build.code, build.stderr).toBe(0);
    expect(good[OUTPUT_MARKER]).toBeDefined();
    expect(snapshot(twin)).toEqual(good);
  });

  it('stays byte for byte when a build fails, and nothing of the failed build is left', async () => {
    const lines: string[] = [];
    expect(await runBuild({ answersFile: MISSING_7, outDir: out, cwd: ROOT, pdf: false, log: (l) => lines.push(l) })).toBe(1);
    expect(lines.join('\n')).toContain('missing-answer');
    expect(lines.join('\n')).toContain('サイトは更新しませんでした。');
    expect(snapshot(out)).toEqual(good);
    expect(readdirSync(temp).filter((name) => name.includes('.bcp-'))).toEqual([]);
  });

  it('stays byte for byte when the build is interrupted with Ctrl-C, and the next build sweeps nothing it needs', async () => {
    const scratchRoot = path.join(ROOT, '.astro');
    const before = new Set(existsSync(scratchRoot) ? readdirSync(scratchRoot) : []);
    const { child, done } = spawnBuild(['--answers', EXAMPLE, '--out', out, '--no-pdf']);
    // Wait until Astro is at work in its scratch folder, then interrupt.
    const started = Date.now();
    while (!readdirSync(scratchRoot).some((name) => name.startsWith(`bcp-build-${child.pid}-`) && !before.has(name))) {
      if (Date.now() - started > 60_000) throw new Error('the build never started');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGINT');
    const { code, stderr } = await done;
    expect(code).toBe(130);
    expect(stderr).toContain('build を中断しました（SIGINT）');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(good);
    expect(readdirSync(scratchRoot).filter((name) => name.startsWith(`bcp-build-${child.pid}-`))).toEqual([]);
    expect(readdirSync(temp).filter((name) => name.includes('.bcp-'))).toEqual([]);
  });

  it('puts back a previous site that a killed build had moved aside, and removes killed builds’ staging', () => {
    const dead = 2 ** 22 + 12345;
    const paths = buildPaths(ROOT, out, dead);
    const aside = `${out}.bcp-old-${dead}`;
    const staged = `${out}.bcp-tmp-${dead}`;
    const scratch = paths.scratch;
    rmSync(aside, { recursive: true, force: true });
    // A swap killed between its two renames: only the moved-aside copy is left.
    mkdirSync(staged);
    mkdirSync(scratch, { recursive: true });
    renameSync(out, aside);
    recoverAndSweep(ROOT, out);
    expect(snapshot(out)).toEqual(good);
    for (const leftover of [aside, staged, scratch]) expect(existsSync(leftover), leftover).toBe(false);
  });

  it('refuses to replace it once it holds a file the build did not write, names the file and deletes nothing', async () => {
    const copied = path.join(out, 'thesis.docx');
    writeFileSync(copied, 'a file copied in beside the site');
    try {
      const lines: string[] = [];
      expect(await runBuild({ answersFile: EXAMPLE, outDir: out, cwd: ROOT, pdf: false, log: (l) => lines.push(l) })).toBe(2);
      expect(lines.join('\n')).toContain(`「${copied}」があります`);
      expect(lines.join('\n')).toContain('output-foreign-file');
      expect(snapshot(out)).toEqual({ ...good, 'thesis.docx': expect.any(String) });
    } finally {
      rmSync(copied);
    }
  });

  it('refuses a second build into the same folder while the first holds its lock', async () => {
    const lock = `${out}.bcp-lock`;
    // The parent process (the test runner's) is alive, so the lock is not stale.
    writeFileSync(lock, String(process.ppid));
    try {
      const lines: string[] = [];
      expect(await runBuild({ answersFile: EXAMPLE, outDir: out, cwd: ROOT, pdf: false, log: (l) => lines.push(l) })).toBe(2);
      expect(lines.join('\n')).toContain(`別の bcp build（プロセス ${process.ppid}）が書いている途中です`);
      expect(snapshot(out)).toEqual(good);
    } finally {
      rmSync(lock, { force: true });
    }
  });
});
