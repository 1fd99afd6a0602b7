/**
 * Imports point one way, so a newcomer can read the flow front to back:
 * answers → slots and plugins → check → pages → search and PDF → build → CLI.
 * A module may import from its own layer or a lower one, and no two modules import each
 * other, directly or around a loop.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

/** Lowest first. The first matching prefix decides a file's layer. */
const LAYERS: ReadonlyArray<readonly string[]> = [
  // Facts every stage shares: the problem catalogue, YAML positions, slot syntax, the template, the site's routes.
  ['src/errors/', 'src/yaml/', 'src/slots/', 'src/site/paths.ts'],
  // The answers and the data beside them, validated.
  ['src/answers/', 'src/glossary/', 'src/bia/', 'src/guidelines/', 'src/collections/', 'src/kit/freshness.ts', 'src/kit/content.ts'],
  // Content transforms.
  ['plugins/'],
  // Checking answers and content together.
  ['src/check/'],
  // Pages.
  ['src/site/', 'src/kit/data.ts', 'src/exercises/', 'src/components/', 'src/layouts/', 'src/pages/', 'src/content.config.ts', 'src/styles/'],
  // Steps over the built pages.
  ['src/search/', 'src/pdf/', 'src/browser/', 'src/kit/print.ts', 'src/kit/offline.ts'],
  // The build.
  ['src/integration/', 'src/build/'],
  // The command line, and the commands that only it runs.
  ['src/cli/', 'src/plans/'],
];

function layerOf(file: string): number {
  const index = LAYERS.findIndex((prefixes) => prefixes.some((prefix) => file.startsWith(prefix)));
  if (index < 0) throw new Error(`${file} belongs to no layer: add it to LAYERS`);
  return index;
}

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) found.push(...sourceFiles(rel));
    else if (/\.(ts|astro|mjs)$/.test(name) && !name.endsWith('.d.ts')) found.push(rel);
  }
  return found;
}

/** Relative imports of a module (static, dynamic and side-effect ones), resolved to project paths. */
function importsOf(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))).filter((target) => /\.(ts|astro|mjs)$/.test(target));
}

const files = [...sourceFiles('src'), ...sourceFiles('plugins')];
const graph: ReadonlyMap<string, string[]> = new Map(files.map((file) => [file, importsOf(file)]));

function backwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  return [...graph].flatMap(([file, targets]) =>
    targets
      .filter((target) => target.startsWith('src/') || target.startsWith('plugins/'))
      .filter((target) => layerOf(target) > layerOf(file))
      .map((target) => `${file} → ${target}`),
  );
}

function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

/** The real graph with one module's source text extended by `line`. */
function planted(file: string, line: string): Map<string, string[]> {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return new Map([...graph, [file, importsOf(file, `${text}\n${line}\n`)]]);
}

describe('the import direction', () => {
  it('finds the modules it checks', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get('src/cli/bcp.ts')?.length).toBeGreaterThan(0);
  });

  it('never imports from a later stage', () => {
    expect(backwardImports(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('catches a planted backward import and a planted cycle (the checks can fail)', () => {
    // The answers loader importing the build: a later stage, and a loop back through it.
    const withBackward = planted('src/answers/load.ts', "import { runBuild } from '../build/build.ts';");
    expect(backwardImports(withBackward)).toEqual(['src/answers/load.ts → src/build/build.ts']);
    expect(importCycles(withBackward).length).toBeGreaterThan(0);
    // A dynamic import counts as well.
    expect(backwardImports(planted('src/errors/report.ts', "await import('../cli/bcp.ts');"))).toEqual(['src/errors/report.ts → src/cli/bcp.ts']);
    expect(() => layerOf('elsewhere/x.ts')).toThrow();
  });
});
