/**
 * Builds every site the site and browser tiers read, once, and hands them to the tests
 * (`inject('testSites')`), instead of each file building its own.
 *
 * - example: the example company's internal site, with its PDF: what most tests read.
 * - public: the public build of the same answers, on a day when upkeep is overdue.
 * - aYearLater: the example a year on (test/fixtures/answers/variants.ts), internal.
 * - hostile: answers full of markup, scripts and slot markers, internal.
 * - otherCompany: another company's BIA and exercises, internal, without the PDF.
 *
 * The builds run as the bundled `bcp build` would for a user, two at a time (the machine's
 * cores), and are kept under .cache/test-sites/ (ignored by git), keyed by a hash of
 * everything they read: the next run, and the other tier's setup, reuse them when nothing
 * changed. Only the newest set is kept.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CLI_ENTRY, ensureFreshCli } from '../scripts/bundle-cli.ts';
import { withCacheLock } from './cache-lock.ts';
import { A_YEAR_LATER_TODAY, aYearLater } from './fixtures/answers/variants.ts';
import { FIXTURES, ROOT } from './helpers.ts';

export interface TestSite {
  /** The built folder. Read it, never change it. */
  dir: string;
  /** The answers file it was built from. */
  answers: string;
  /** What `bcp build` printed, line by line. */
  log: string[];
}

export const TEST_SITES = ['example', 'public', 'aYearLater', 'hostile', 'otherCompany'] as const;
export type TestSiteName = (typeof TEST_SITES)[number];

declare module 'vitest' {
  export interface ProvidedContext {
    testSites: Record<TestSiteName, TestSite>;
  }
}

const CACHE = path.join(ROOT, '.cache', 'test-sites');
const answersFixture = (name: string) => path.join(FIXTURES, 'answers', name);

/** What the builds read: a change to any of these builds the sites anew. */
const INPUTS = ['content', 'src', 'plugins', 'public', 'package-lock.json', 'test/fixtures/answers', 'test/global-setup.ts'];

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

interface Spec {
  answers: (dir: string) => string;
  args: string[];
}

const SPECS: Record<TestSiteName, Spec> = {
  example: { answers: () => answersFixture('example.yaml'), args: [] },
  // A date when education, drill and audit are overdue: the public build must still say nothing of it.
  public: { answers: () => answersFixture('example.yaml'), args: ['--public', '--today', '2027-08-01'] },
  aYearLater: {
    answers: (dir) => {
      const file = path.join(dir, 'a-year-later.yaml');
      writeFileSync(file, aYearLater(readFileSync(answersFixture('example.yaml'), 'utf8')));
      return file;
    },
    args: ['--today', A_YEAR_LATER_TODAY],
  },
  hostile: { answers: () => answersFixture('hostile.yaml'), args: ['--today', '2026-11-01'] },
  otherCompany: { answers: () => answersFixture('variant-bia.yaml'), args: ['--no-pdf'] },
};

/** `bcp build` of one site; resolves with its log, rejects with it when the build fails. */
function build(spec: Spec, set: string, name: string): Promise<TestSite> {
  const answers = spec.answers(set);
  const dir = path.join(set, name);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, 'build', '--answers', answers, '--out', dir, ...spec.args], {
      cwd: ROOT,
      env: { ...process.env, GITHUB_ACTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const log = output.split('\n').filter((line) => line !== '');
      if (code === 0) resolve({ dir, answers, log });
      else reject(new Error(`The ${name} test site did not build (exit ${code}):\n${output}`));
    });
  });
}

async function buildAll(set: string): Promise<Record<TestSiteName, TestSite>> {
  const queue = [...TEST_SITES];
  const built = {} as Record<TestSiteName, TestSite>;
  const failures: unknown[] = [];
  // A failure stops the queue, but the build already running finishes before the set is removed.
  const worker = async () => {
    for (let name = queue.shift(); name && failures.length === 0; name = queue.shift()) {
      await build(SPECS[name], set, name).then(
        (site) => (built[name] = site),
        (error: unknown) => failures.push(error),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, worker));
  if (failures.length > 0) throw failures[0];
  return built;
}

export default async function setup(project: TestProject) {
  const sites = await withCacheLock('test-sites', async () => {
    await ensureFreshCli();
    const set = path.join(CACHE, inputsHash());
    const index = path.join(set, 'sites.json');
    if (existsSync(index)) return JSON.parse(readFileSync(index, 'utf8')) as Record<TestSiteName, TestSite>;
    rmSync(CACHE, { recursive: true, force: true });
    // The one-site cache of earlier versions of this setup.
    rmSync(path.join(ROOT, '.cache', 'example-site'), { recursive: true, force: true });
    mkdirSync(set, { recursive: true });
    try {
      const built = await buildAll(set);
      // Written last: its presence says the whole set is complete.
      writeFileSync(index, JSON.stringify(built, null, 2));
      return built;
    } catch (error) {
      rmSync(set, { recursive: true, force: true });
      throw error;
    }
  });
  project.provide('testSites', sites);
}
