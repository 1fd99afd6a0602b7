/**
 * Bundles the `bcp` command line into `.cache/cli/` (ignored by git), so no TypeScript is
 * stripped and no module graph of hundreds of small files is walked at run time.
 *
 *   node scripts/bundle-cli.ts     what `npm install` runs (the `prepare` script)
 *
 * - Code splitting: `check` loads the entry and the chunks it shares; `build`, `pdf` and
 *   `revisions` are `import()`ed, so their code (and Astro, puppeteer, Pagefind, pdf-lib)
 *   is read only when that command runs.
 * - The pure-JS packages of the check path (yaml, zod, unified, micromark…) are bundled
 *   too: loaded from node_modules they cost more than the check itself.
 *   The packages in HEAVY stay external: they find their own files at run time.
 * - A source module that locates files next to itself (`import.meta.url`, `import.meta.dirname`)
 *   is left as source and imported from where it is; bundled, it would look in `.cache/cli/`.
 *
 * The sources a bundle was made from are recorded in `.cache/cli-inputs.json`: the launcher
 * (scripts/bcp.mjs, what `npm run check|build|bcp` run) and the tests' setup make the bundle
 * again when one changed, so an edit of src/ never runs old code.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type OutputFile, type Plugin } from 'esbuild';
import { writeStamp } from './cli-stamp.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = path.join(ROOT, '.cache', 'cli');
export const CLI_ENTRY = path.join(CLI_DIR, 'bcp.js');

/** Packages that read their own files or spawn binaries: never bundled. */
export const HEAVY = ['astro', '@astrojs/*', 'vite', 'puppeteer', 'puppeteer-core', 'pagefind', 'esbuild', 'pdf-lib'];

const SELF_LOCATING = /\bimport\.meta\.(url|dirname|filename)\b/;

/** Keeps self-locating source modules (see above) as imports of the source file. */
const keepSelfLocatingSources = (outdir: string): Plugin => ({
  name: 'keep-self-locating-sources',
  setup(builder) {
    builder.onResolve({ filter: /\.ts$/ }, (args) => {
      if (args.kind === 'entry-point' || !args.path.startsWith('.')) return undefined;
      const file = path.resolve(args.resolveDir, args.path);
      if (!SELF_LOCATING.test(readFileSync(file, 'utf8'))) return undefined;
      return { path: path.relative(outdir, file).split(path.sep).join('/'), external: true };
    });
  },
});

export function cliBuildOptions(outdir = CLI_DIR): BuildOptions & { metafile: true } {
  return {
    absWorkingDir: ROOT,
    entryPoints: { bcp: path.join(ROOT, 'src', 'cli', 'bcp.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: HEAVY,
    plugins: [keepSelfLocatingSources(outdir)],
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    metafile: true,
    // Tells the scan cache (src/check/scan-cache.ts) that the code running is this bundle.
    define: { __BCP_BUNDLED__: 'true' },
    logLevel: 'warning',
    // Bundled CommonJS packages (yaml's dist) call require(): give ESM chunks one.
    banner: { js: "import{createRequire as __bcpCreateRequire}from'node:module';const require=__bcpCreateRequire(import.meta.url);" },
  };
}

/** The bundle as it would be written now, without writing it. */
export async function bundleCliInMemory(outdir = CLI_DIR): Promise<{ files: OutputFile[]; metafile: Metafile }> {
  const result = await build({ ...cliBuildOptions(outdir), write: false });
  return { files: result.outputFiles, metafile: result.metafile };
}

/**
 * Brings the bundle up to date with the sources, writing only when it differs; true when it
 * wrote. The tests run the bundle (test/setup-cli.ts), as `npm run check` does, so they never
 * test a stale one. The new bundle is complete in a sibling folder before it replaces the old.
 */
export async function ensureFreshCli(dir = CLI_DIR, bundle?: { files: OutputFile[]; metafile: Metafile }): Promise<boolean> {
  const { files, metafile } = bundle ?? (await bundleCliInMemory(dir));
  // The real bundle's sources, for the launcher (scripts/bcp.mjs), in either case.
  const stamp = () => dir === CLI_DIR && recordSources(metafile);
  const current = await bundledFiles(dir);
  const same =
    current.length === files.length &&
    files.every((file) => current.includes(path.relative(dir, file.path)) && readFileSync(file.path).equals(Buffer.from(file.contents)));
  if (same) {
    stamp();
    return false;
  }
  const staging = `${dir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const file of files) await writeFile(path.join(staging, path.relative(dir, file.path)), file.contents);
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  stamp();
  return true;
}

/** The project's own files the bundle was made from, and the lockfile (the packages bundled in). */
function recordSources(metafile: Metafile): void {
  const sources = Object.keys(metafile.inputs).filter((file) => !file.startsWith('node_modules/') && !file.includes(':'));
  writeStamp(ROOT, [...sources, 'package-lock.json']);
}

export async function bundleCli(): Promise<void> {
  await rm(CLI_DIR, { recursive: true, force: true });
  const { metafile } = await build(cliBuildOptions());
  recordSources(metafile);
}

/** Files currently in the bundle folder (relative names), for the freshness test. */
export async function bundledFiles(dir = CLI_DIR): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleCli();
