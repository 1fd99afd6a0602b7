/**
 * The one Astro configuration, for `bcp build` and for `npm run dev` (astro.config.mjs):
 * the same pages, plugins and output shape either way; only where things go differs.
 */
import type { AstroInlineConfig } from 'astro';
import bcp, { type BcpIntegrationOptions } from './index.ts';

export interface SiteConfigOptions extends BcpIntegrationOptions {
  root?: string;
  /** Where Astro writes the pages. Default: `dist` (dev server: unused). */
  outDir?: string;
  /** Astro's cache; a build gives each run its own, so two builds never share one. */
  cacheDir?: string;
}

export function siteConfig(options: SiteConfigOptions = {}): AstroInlineConfig {
  const { root, outDir, cacheDir, ...integration } = options;
  return {
    root,
    srcDir: './src',
    publicDir: './public',
    outDir: outDir ?? './dist',
    cacheDir: cacheDir ?? './node_modules/.astro',
    // One folder that works on a web server, under a subpath and from a file share:
    // every page is a file (plan.html), every link relative, every stylesheet inline.
    build: { format: 'file', inlineStylesheets: 'always' },
    trailingSlash: 'ignore',
    devToolbar: { enabled: false },
    markdown: {
      // Code samples (the handbook's YAML and commands) on the site's light pages; a dark
      // theme would print as pale text once the browser drops backgrounds.
      shikiConfig: { theme: 'github-light', wrap: true },
    },
    integrations: [bcp(integration)],
  };
}
