// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { sitePlugins } from './plugins/index.ts';
import { answersFileFromEnv, loadSiteAnswers } from './src/site/answers.ts';

// The answers come from BCP_ANSWERS (set by `bcp build --answers`), else the example.
const site = loadSiteAnswers();

export default defineConfig({
  srcDir: './src',
  publicDir: './public',
  outDir: process.env.BCP_OUT_DIR ?? './dist',
  cacheDir: process.env.BCP_CACHE_DIR ?? './node_modules/.astro',
  // One folder that works on a web server, under a subpath and from a file share:
  // every page is a file (plan.html), every link relative, every stylesheet inline.
  build: { format: 'file', inlineStylesheets: 'always' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({ ...sitePlugins({ values: site?.values, answersFile: answersFileFromEnv() }), smartypants: false }),
    // Code samples (the handbook's YAML and commands) on the site's light pages; a dark
    // theme would print as pale text once the browser drops backgrounds.
    shikiConfig: { theme: 'github-light', wrap: true },
  },
  integrations: [mdx()],
});
