/**
 * `virtual:bcp/site`: how pages receive the checked answers, as values, not through the
 * environment. The build hands over what `bcp check` already validated; the dev server
 * re-reads the answers file on every change and keeps the last valid answers on screen
 * while it shows what is wrong.
 */
import type { Plugin } from 'vite';
import type { Today } from '../answers/due.ts';
import type { Visibility } from '../answers/mask.ts';
import type { Answers } from '../answers/schema.ts';
import type { Problem } from '../errors/catalogue.ts';

export const SITE_MODULE_ID = 'virtual:bcp/site';
const RESOLVED_ID = `\0${SITE_MODULE_ID}`;

/** What every page may know about the build: JSON-safe, so it crosses into the module as text. */
export interface SiteData {
  /** The answers as the pages show them: masked already in a public build. */
  answers: Answers;
  visibility: Visibility;
  today: Today;
  /** The answers file, as named in messages. */
  answersFile: string;
  /** Problems to show on the page (dev server only; a build stops on errors before any page renders). */
  problems: Problem[];
}

export function siteModulePlugin(current: () => SiteData): Plugin {
  return {
    name: 'bcp:site-module',
    resolveId(id) {
      return id === SITE_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      return id === RESOLVED_ID ? `export const site = ${JSON.stringify(current())};` : undefined;
    },
  };
}

/** Marks the site module stale in every Vite environment, so the next request reads it anew. */
export function isSiteModule(id: string): boolean {
  return id === RESOLVED_ID;
}
