/**
 * A Starlight site with the same pages and text as a built project site, for `npm run bench`.
 *
 * Each page's `<main>` goes into a Markdown file as raw HTML (Markdown passes HTML blocks
 * through), titled like our page, at the same path: `threats/01.html` becomes
 * `src/content/docs/threats/01.md`, served as `/threats/01/`. Starlight and Astro are
 * installed into the peer's own temp folder: a dependency of the benchmark, never of the
 * product. Starlight 0.42 declares `astro ^7.2.10`, so it builds with our Astro 7.3.5.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const STARLIGHT_VERSION = '0.42.4';
/** Listed in the peer's package.json: Astro finds Starlight's modules through it. */
const PEER_DEPENDENCIES = { '@astrojs/starlight': STARLIGHT_VERSION, astro: '7.3.5', '@astrojs/markdown-remark': '7.3.1' };

/** Pages of ours that have no counterpart: the print page is not a page a reader opens. */
const SKIPPED = new Set(['print.html']);

/** The HTML pages of a built site (Pagefind's own files excluded); scripts/bench.ts uses it too. */
export async function sitePages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((page) => !page.startsWith('pagefind/'))
    .sort();
}

/** `threats/01.html` → `/threats/01/`, `index.html` → `/`. */
export function peerUrlOf(page: string): string {
  const slug = page.replace(/\.html$/, '').replace(/(^|\/)index$/, '');
  return slug === '' ? '/' : `/${slug}/`;
}

/** `/threats/01/` → `threats/01.html`, the inverse of `peerUrlOf`. */
export function pageOfPeerUrl(url: string): string {
  const slug = new URL(url, 'http://x').pathname.replace(/^\/|\/$/g, '').replace(/\.html$/, '');
  return slug === '' ? 'index.html' : `${slug}.html`;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Writes the peer project (no install) and returns how many pages it has. */
export async function writePeer(siteDir: string, peerDir: string): Promise<number> {
  const docs = path.join(peerDir, 'src', 'content', 'docs');
  let count = 0;
  for (const page of await sitePages(siteDir)) {
    if (SKIPPED.has(page)) continue;
    const html = await readFile(path.join(siteDir, page), 'utf8');
    const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1];
    if (main === undefined) continue;
    const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(main);
    const title = decode((h1?.[1] ?? /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? page).replace(/<[^>]+>/g, '').trim());
    // Starlight prints the title as the h1; a blank line would end the Markdown HTML block.
    const body = main
      .replace(h1?.[0] ?? '', '')
      .replace(/\n\s*\n/g, '\n')
      .trim();
    const file = path.join(docs, page.replace(/\.html$/, '.md'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `---\ntitle: ${JSON.stringify(title)}\n---\n\n<div>\n${body}\n</div>\n`);
    count++;
  }
  await writeFile(
    path.join(peerDir, 'package.json'),
    `${JSON.stringify({ name: 'bcp-bench-starlight-peer', private: true, type: 'module', dependencies: PEER_DEPENDENCIES }, null, 2)}\n`,
  );
  await writeFile(
    path.join(peerDir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({ title: 'サイバー対応 IT-BCP', defaultLocale: 'root', locales: { root: { label: '日本語', lang: 'ja' } } })],
});
`,
  );
  await writeFile(
    path.join(peerDir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  return count;
}

/** Installs Starlight into the peer folder with the npm that runs the benchmark. */
export function installPeer(peerDir: string): void {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && existsSync(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const result = spawnSync(command, [...args, 'install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: peerDir,
    encoding: 'utf8',
    env: process.env,
  });
  if (result.status !== 0) throw new Error(`Starlight を入れられませんでした:\n${result.stderr}`);
}

/** The command that builds the peer (its own Astro, on the benchmark's Node). */
export function peerBuildCommand(peerDir: string): [string, string[]] {
  return [process.execPath, [path.join(peerDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent']];
}
