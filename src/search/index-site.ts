/**
 * The build step that makes a finished site searchable, both ways it is opened: a
 * Pagefind index for http(s) and a fallback index script for file://, from one reading
 * of the pages. public/search.js (copied into the site by Astro) picks one at run time.
 */
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { searchPages, writeFallbackIndex } from './fallback-index.ts';
import { runPagefind } from './pagefind.ts';

/** Indexes the site in `siteDir`; `label` names the folder in reported problems. */
export async function indexSite(siteDir: string, label = siteDir): Promise<Problem[]> {
  const pages = await searchPages(siteDir);
  const errors = await runPagefind(siteDir, pages);
  if (errors.length > 0) {
    const detail = errors.join(' / ');
    return [{ file: label, line: 1, column: 1, ruleId: 'search-index-failed', severity: 'error', message: ruleMessage('search-index-failed', { detail }) }];
  }
  await writeFallbackIndex(siteDir, pages);
  return [];
}
