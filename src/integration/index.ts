/**
 * The bcp Astro integration, after Starlight's: it registers the slot and glossary plugins
 * and MDX, gives pages the answers through `virtual:bcp/site`, and runs the steps over the
 * finished HTML (browser scripts, guard, search index, PDF) in `astro:build:done`.
 *
 * `bcp build` passes the answers it has already checked (loaded once per build); the dev
 * server (`npm run dev`) passes none and the integration re-reads the file on each change.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { slotValues } from '../answers/values.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import { sitePlugins } from '../../plugins/index.ts';
import { isSiteModule, siteModulePlugin, type SiteData } from './site-module.ts';
import { loadDevSite } from './dev.ts';
import { finishSite } from './finish.ts';
import { BROWSER_SCRIPTS, bundleBrowserScript } from '../browser/bundle.ts';
import type { Printer } from '../pdf/print.ts';

export interface BcpIntegrationOptions {
  /** The checked answers for a build. Default: none, read from `answersFile` (dev server). */
  site?: SiteData;
  /** The answers file, relative to the project root. Default: `answers/answers.yaml`. */
  answersFile?: string;
  /** Whether to print the binder PDF after the pages. Default: true. */
  pdf?: boolean;
  /** A printer already starting (`openPrinter`), for the PDF. Default: one opened after the pages. */
  printer?: Promise<Printer>;
  /** The output folder as the user named it, for messages. */
  outLabel?: string;
  log?: (line: string) => void;
}

export default function bcp(options: BcpIntegrationOptions = {}): AstroIntegration {
  const answersFile = options.site?.answersFile ?? options.answersFile ?? 'answers/answers.yaml';
  let root = process.cwd();
  let site = options.site;
  // One map, refilled in place on every dev reload: the slot plugin holds this very object.
  const values = new Map(site ? slotValues(site.answers) : []);

  const refresh = async () => {
    const loaded = await loadDevSite(root, answersFile, site);
    site = loaded;
    values.clear();
    for (const [id, value] of slotValues(loaded.answers)) values.set(id, value);
  };

  return {
    name: 'bcp',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig }) => {
        root = fileURLToPath(config.root);
        if (!options.site) await refresh();
        const dev = command === 'dev';
        // The versions are pinned (package.json): `npm run dev` must not invite an upgrade past
        // them (issue 21). Astro reads this variable after the config is set up.
        if (dev) process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
        updateConfig({
          markdown: {
            // In dev a slot problem is shown on the page instead of stopping the server.
            processor: unified({ ...sitePlugins({ values, answersFile, failOnError: !dev }), smartypants: false }),
          },
          integrations: [mdx()],
          vite: { plugins: [siteModulePlugin(() => site!)] },
        });
      },
      'astro:server:setup': ({ server }) => {
        watchAnswers(server, path.resolve(root, answersFile), refresh);
        // The browser scripts are bundled after a build; the dev server bundles them per request.
        server.middlewares.use(async (request, response, next) => {
          const name = (request.url ?? '').split('?')[0]!.replace(/^.*\//, '');
          const code = BROWSER_SCRIPTS[name] ? await bundleBrowserScript(name) : undefined;
          if (code === undefined) return next();
          response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          response.end(code);
        });
      },
      'astro:build:done': async ({ dir }) => {
        const problems = await finishSite({
          siteDir: fileURLToPath(dir),
          root,
          visibility: site!.visibility,
          pdf: options.pdf ?? true,
          printer: options.printer,
          label: options.outLabel,
          log: options.log,
        });
        // The one way problems leave the integration: thrown, then unwrapped by `bcp build`.
        if (problems.length > 0) throw new ProblemsError(problems);
      },
    },
  };
}

/** Dev server: an edited answers or glossary file shows on the next reload, pages included. */
function watchAnswers(server: ViteDevServer, answersPath: string, refresh: () => Promise<void>) {
  const watched = new Set([answersPath, path.resolve(path.dirname(answersPath), '..', 'content', 'glossary.yaml')]);
  for (const file of watched) server.watcher.add(file);
  // An editor may save in two steps (truncate, then write): wait until the file is quiet, and
  // read it again if it changed while it was being read, so the page never keeps a half-written state.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const reload = async () => {
    await refresh();
    // The compiled MDX holds the old answers: drop it with the site module.
    for (const environment of Object.values(server.environments)) {
      for (const module of environment.moduleGraph.idToModuleMap.values()) {
        if (module.id && (isSiteModule(module.id) || /\.mdx?($|\?)/.test(module.id))) environment.moduleGraph.invalidateModule(module);
      }
    }
    server.ws.send({ type: 'full-reload' });
  };
  server.watcher.on('change', (file) => {
    if (!watched.has(path.resolve(file))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(reload).catch((error: unknown) => server.config.logger.error(error instanceof Error ? error.message : String(error)));
    }, 150);
  });
}
