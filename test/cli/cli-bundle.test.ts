/**
 * The prebuilt `bcp` (scripts/bundle-cli.ts, run by `npm install`): it is what `npm run check`
 * and the tests run, so it must match the sources, and `check` must not load the build's world.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_DIR, CLI_ENTRY, HEAVY, bundleCliInMemory, bundledFiles, ensureFreshCli } from '../../scripts/bundle-cli.ts';
import { stampIsCurrent, writeStamp } from '../../scripts/cli-stamp.mjs';
import { ROOT } from '../helpers.ts';

const run = promisify(execFile);

describe('the bundled bcp', () => {
  // One bundle in memory for the tests that only read it.
  let fresh: ReturnType<typeof bundleCliInMemory> | undefined;
  const bundle = () => (fresh ??= bundleCliInMemory());

  it('is what a fresh bundle of the sources gives (run `npm run prepare` after changing them)', async () => {
    const { files } = await bundle();
    const fresh = files.map((f) => path.relative(CLI_DIR, f.path)).sort();
    expect(await bundledFiles()).toEqual(fresh);
    for (const file of files) {
      expect(readFileSync(file.path).equals(Buffer.from(file.contents)), path.relative(ROOT, file.path)).toBe(true);
    }
  });

  it('is rewritten when it differs from the sources, and left alone when it does not', async () => {
    // A sibling of the real bundle (the same depth, so its imports of sources resolve alike).
    const dir = `${CLI_DIR}-test-${process.pid}`;
    const sources = await bundleCliInMemory(dir);
    try {
      expect(await ensureFreshCli(dir, sources)).toBe(true);
      expect(await ensureFreshCli(dir, sources)).toBe(false);
      const names = await bundledFiles(dir);
      appendFileSync(path.join(dir, names[0]!), '\n// edited');
      expect(await ensureFreshCli(dir, sources)).toBe(true);
      expect(await bundledFiles(dir)).toEqual(names);
      expect(readFileSync(path.join(dir, names[0]!), 'utf8')).not.toContain('// edited');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads no Astro, puppeteer, Pagefind, pdf-lib or site code for `check`', async () => {
    const { metafile } = await bundle();
    const entry = path.relative(ROOT, CLI_ENTRY);
    // Everything `bcp.js` reaches through static imports: what `check` loads.
    const chunks = new Set<string>();
    const externals = new Set<string>();
    const walk = (output: string) => {
      if (chunks.has(output)) return;
      chunks.add(output);
      for (const imported of metafile.outputs[output]!.imports) {
        if (imported.kind !== 'import-statement') continue;
        if (imported.external) externals.add(imported.path);
        else walk(imported.path);
      }
    };
    walk(entry);
    const sources = [...chunks].flatMap((chunk) => Object.keys(metafile.outputs[chunk]!.inputs));
    expect(sources).toContain('src/check/scan.ts');
    expect(sources.filter((s) => /^src\/(build|pdf|search|pages|site|components|browser)\//.test(s))).toEqual([]);
    const heavy = new RegExp(`^(${HEAVY.map((h) => h.replace('*', '[^/]+')).join('|')})(/|$)`);
    expect([...externals].filter((e) => heavy.test(e) || !e.startsWith('node:'))).toEqual([]);
    expect(sources.filter((s) => heavy.test(s.replace(/^node_modules\//, '')))).toEqual([]);
  });

  it('checks the example company like the sources do', async () => {
    const bundled = await run(process.execPath, [CLI_ENTRY, 'check', '--json'], { cwd: ROOT, env: { ...process.env, GITHUB_ACTIONS: '' } });
    const source = await run(process.execPath, [path.join(ROOT, 'src', 'cli', 'bcp.ts'), 'check', '--json'], {
      cwd: ROOT,
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    const report = JSON.parse(bundled.stdout) as { tokens: unknown[] };
    expect(report.tokens.length).toBeGreaterThan(0);
    expect(bundled.stdout).toBe(source.stdout);
  });
});

describe('the launcher of the bundle (scripts/bcp.mjs)', () => {
  it('runs the bundle, as `npm run bcp` does', async () => {
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts', 'bcp.mjs'), 'help'], { cwd: ROOT });
    expect(stdout).toContain('bcp check');
  });

  it('takes the bundle as current only while every recorded source is unchanged', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bcp-stamp-'));
    try {
      mkdirSync(path.join(root, '.cache'));
      mkdirSync(path.join(root, 'src'));
      writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 1;\n');
      writeFileSync(path.join(root, 'src', 'b.ts'), 'export const b = 2;\n');
      expect(stampIsCurrent(root)).toBe(false); // no stamp yet
      writeStamp(root, ['src/a.ts', 'src/b.ts']);
      expect(stampIsCurrent(root)).toBe(true);
      // Saved again, the same length: the time tells.
      writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 3;\n');
      utimesSync(path.join(root, 'src', 'a.ts'), new Date(), new Date(Date.now() + 5000));
      expect(stampIsCurrent(root)).toBe(false);
      writeStamp(root, ['src/a.ts', 'src/b.ts']);
      rmSync(path.join(root, 'src', 'b.ts'));
      expect(stampIsCurrent(root)).toBe(false);
      writeFileSync(path.join(root, '.cache', 'cli-inputs.json'), '{ damaged');
      expect(stampIsCurrent(root)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
