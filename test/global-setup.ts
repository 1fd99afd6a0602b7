/**
 * Builds the example site once for the whole run and hands its folder to every test file
 * (`inject('exampleSite')`), instead of each file building the same site again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../src/build/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The example company's internal site, built once per run; tests must not change it. */
    exampleSite: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '..');

export default async function setup(project: TestProject) {
  const temp = mkdtempSync(path.join(tmpdir(), 'bcp-example-'));
  const site = path.join(temp, 'site');
  const lines: string[] = [];
  const ok = await buildSite({ answersFile: path.join(ROOT, 'test', 'fixtures', 'answers', 'example.yaml'), outDir: site, cwd: ROOT, log: (line) => lines.push(line) });
  if (!ok) {
    rmSync(temp, { recursive: true, force: true });
    throw new Error(`The example site did not build:\n${lines.join('\n')}`);
  }
  project.provide('exampleSite', site);
  return () => rmSync(temp, { recursive: true, force: true });
}
