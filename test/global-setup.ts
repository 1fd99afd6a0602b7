/**
 * Builds the example site once and hands its folder to every site and browser test
 * (`inject('exampleSite')`), instead of each file building the same site again.
 *
 * The site and browser tiers are separate vitest projects, each with this setup; the
 * build is kept under .cache/ (ignored by git) keyed by a hash of everything it reads, so the
 * second project (and the next run, when nothing changed) reuses it. Only the newest
 * build is kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../src/build/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The example company's internal site, built once; tests must not change it. */
    exampleSite: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, '.cache', 'example-site');
const ANSWERS = path.join(ROOT, 'test', 'fixtures', 'answers', 'example.yaml');
/** What the build reads: a change to any of these builds the site anew. */
const INPUTS = ['content', 'src', 'plugins', 'public', 'package-lock.json', 'test/fixtures/answers/example.yaml'];

function inputsHash(): string {
  const hash = createHash('sha256');
  const add = (rel: string) => {
    const full = path.join(ROOT, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) add(path.join(rel, name));
    } else {
      hash.update(rel).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  for (const input of INPUTS) add(input);
  return hash.digest('hex').slice(0, 16);
}

/** Waits while another project's setup holds the lock (a folder, created atomically). */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(CACHE, '.lock');
  mkdirSync(CACHE, { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than ten minutes is left over from a killed run.
      if (waited > 600_000 || Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject) {
  const site = await withLock(async () => {
    const key = inputsHash();
    const site = path.join(CACHE, key);
    if (existsSync(path.join(site, 'plan.pdf'))) return site;
    for (const old of readdirSync(CACHE)) if (old !== '.lock') rmSync(path.join(CACHE, old), { recursive: true, force: true });
    const lines: string[] = [];
    if (!(await buildSite({ answersFile: ANSWERS, outDir: site, cwd: ROOT, log: (line) => lines.push(line) }))) {
      rmSync(site, { recursive: true, force: true });
      throw new Error(`The example site did not build:\n${lines.join('\n')}`);
    }
    return site;
  });
  project.provide('exampleSite', site);
}
