/**
 * The answers as the pages see them: what the bcp integration hands over through
 * `virtual:bcp/site` (checked once per build; re-read on each change by the dev server).
 */
import { site } from 'virtual:bcp/site';
import type { Today } from '../answers/due.ts';
import type { Visibility } from '../answers/mask.ts';
import type { Answers } from '../answers/schema.ts';
import { currentRevision, slotValues, type SlotValues } from '../answers/values.ts';
import type { Problem } from '../errors/catalogue.ts';

export interface SiteAnswers {
  answers: Answers;
  values: SlotValues;
  revision: Answers['revisions'][number];
  /** `public`: confidential fields already read 「非公開」 (`bcp build --public`). */
  visibility: Visibility;
  /** The date the due dates count from: the one `bcp check` used. */
  today: Today;
  /** Problems to show on every page (dev server only). */
  problems: readonly Problem[];
}

let cached: SiteAnswers | undefined;

export function siteAnswers(): SiteAnswers {
  // The module object is replaced on a dev reload, so the cache follows it.
  if (cached?.answers !== site.answers) {
    cached = {
      answers: site.answers,
      values: slotValues(site.answers),
      revision: currentRevision(site.answers),
      visibility: site.visibility,
      today: site.today,
      problems: site.problems,
    };
  }
  return cached;
}
