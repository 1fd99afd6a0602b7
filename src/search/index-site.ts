/**
 * The build step that makes a finished site searchable: one reading of the pages, one
 * index script (search/index.js) that the site's own engine (src/browser/search/) reads,
 * whether the site is served over http(s) or opened from a file share.
 */
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { searchPages, writeSearchIndex } from './index-file.ts';

/** Indexes the site in `siteDir`; `label` names the folder in reported problems. */
export async function indexSite(siteDir: string, label = siteDir): Promise<Problem[]> {
  try {
    await writeSearchIndex(siteDir, await searchPages(siteDir));
    return [];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ file: label, line: 1, column: 1, ruleId: 'search-index-failed', severity: 'error', message: ruleMessage('search-index-failed', { detail }) }];
  }
}
