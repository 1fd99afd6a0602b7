/**
 * The answers as the site sees them. Pages and the Astro config call this; it goes
 * through the one loader in src/answers/ and fails loudly if the answers are invalid
 * (`bcp build` checks them first, so this only fires when Astro is run by hand).
 */
import { resolveToday, type Today } from '../answers/due.ts';
import { DEFAULT_ANSWERS_FILE, loadAnswersFile } from '../answers/load.ts';
import type { Visibility } from '../answers/mask.ts';
import type { Answers } from '../answers/schema.ts';
import { currentRevision, slotValues, type SlotValues } from '../answers/values.ts';
import { formatReport } from '../check/report.ts';

export interface SiteAnswers {
  answers: Answers;
  values: SlotValues;
  revision: Answers['revisions'][number];
  /** `public`: confidential fields already read 「非公開」 (`bcp build --public`). */
  visibility: Visibility;
  /** The date the due dates count from: the one `bcp check` used, passed on by the build. */
  today: Today;
}

export function answersFileFromEnv(): string {
  return process.env.BCP_ANSWERS ?? DEFAULT_ANSWERS_FILE;
}

/** Set by `bcp build`: BCP_VISIBILITY=public for `--public`. */
function visibilityFromEnv(): Visibility {
  return process.env.BCP_VISIBILITY === 'public' ? 'public' : 'internal';
}

/** Set by `bcp build`: the date `bcp check` counted from (BCP_TODAY) and where it came from. */
function todayFromEnv(): Today | undefined {
  const date = process.env.BCP_TODAY;
  if (!date) return undefined;
  const source = process.env.BCP_TODAY_SOURCE;
  return { date, source: source === 'answers' || source === 'clock' ? source : 'option' };
}

// Every page asks; the file is read once per build (keyed by path, as tests build twice).
const cache = new Map<string, SiteAnswers>();

/** The validated answers, or undefined when the file has errors (the config then checks syntax only). */
export function loadSiteAnswers(): SiteAnswers | undefined {
  const file = answersFileFromEnv();
  const visibility = visibilityFromEnv();
  const key = [file, visibility, process.env.BCP_TODAY ?? ''].join('\0');
  const hit = cache.get(key);
  if (hit) return hit;
  const loaded = loadAnswersFile(file, { visibility });
  if (!loaded.answers) return undefined;
  const site = {
    answers: loaded.answers,
    values: slotValues(loaded.answers),
    revision: currentRevision(loaded.answers),
    visibility,
    today: todayFromEnv() ?? resolveToday(loaded.answers),
  };
  cache.set(key, site);
  return site;
}

/** For pages: the answers, or a thrown report of every problem in them. */
export function siteAnswers(): SiteAnswers {
  const site = loadSiteAnswers();
  if (site) return site;
  throw new Error(`回答ファイルに誤りがあります。\n${formatReport(loadAnswersFile(answersFileFromEnv()).problems)}`);
}
