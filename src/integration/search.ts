/**
 * The build step that makes a finished site searchable: Pagefind's index (for http) and,
 * from Pagefind's own reading of the pages, the file-share index (search/index.js).
 */
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { writeFileIndex } from '../search/file-index.ts';
import { runPagefind } from './pagefind.ts';

/** Indexes the site in `siteDir`; `label` names the folder in reported problems. */
export async function indexSite(siteDir: string, label = siteDir): Promise<Problem[]> {
  try {
    await writeFileIndex(siteDir, await runPagefind(siteDir));
    return [];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ file: label, line: 1, column: 1, ruleId: 'search-index-failed', severity: 'error', message: ruleMessage('search-index-failed', { detail }) }];
  }
}
