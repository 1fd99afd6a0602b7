/**
 * Browser code is TypeScript under src/browser/, bundled here into classic scripts.
 *
 * Classic (not module) scripts, because a module script does not load from file:// (the
 * file-share copy of the site), while `<script src>` does. esbuild inlines the imports,
 * so constants shared with the build (index paths, marks) are imported, never copied.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Output file name in the site → entry module under src/browser/. */
export const BROWSER_SCRIPTS: Readonly<Record<string, string>> = {
  // The search box's loader on every page; the engine loads only when the box is used.
  'search.js': 'search/loader.ts',
  'search/engine.js': 'search/engine-script.ts',
  // The incident log's up-front part; its export, import and printable log load on first use.
  'checklist.js': 'checklist.ts',
  'checklist-tools.js': 'checklist-tools.ts',
  'upkeep.js': 'upkeep.ts',
};

const OPTIONS = { bundle: true, format: 'iife', minify: true, target: 'es2020', charset: 'utf8', legalComments: 'none', logLevel: 'silent' } as const;

/** Bundles every browser entry into `outDir` (minified IIFE, ES2020 for older office PCs). */
export async function bundleBrowserScripts(outDir: string): Promise<void> {
  await build({
    ...OPTIONS,
    entryPoints: Object.entries(BROWSER_SCRIPTS).map(([out, entry]) => ({ in: path.join(HERE, entry), out: out.replace(/\.js$/, '') })),
    outdir: outDir,
  });
}

/** One script, bundled in memory: the dev server serves it fresh on each request. */
export async function bundleBrowserScript(name: string): Promise<string | undefined> {
  const entry = BROWSER_SCRIPTS[name];
  if (!entry) return undefined;
  const result = await build({ ...OPTIONS, minify: false, entryPoints: [path.join(HERE, entry)], write: false });
  return result.outputFiles[0]?.text;
}
