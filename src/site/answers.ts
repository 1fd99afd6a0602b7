/**
 * The answers as the site sees them. Pages and the Astro config call this; it goes
 * through the one loader in src/answers/ and fails loudly if the answers are invalid
 * (`bcp build` checks them first, so this only fires when Astro is run by hand).
 */
import { DEFAULT_ANSWERS_FILE, loadAnswersFile } from '../answers/load.ts';
import type { Answers } from '../answers/schema.ts';
import { currentRevision, slotValues, type SlotValues } from '../answers/values.ts';
import { formatReport } from '../check/report.ts';

export interface SiteAnswers {
  answers: Answers;
  values: SlotValues;
  revision: Answers['revisions'][number];
}

export function answersFileFromEnv(): string {
  return process.env.BCP_ANSWERS ?? DEFAULT_ANSWERS_FILE;
}

// Every page asks; the file is read once per build (keyed by path, as tests build twice).
const cache = new Map<string, SiteAnswers>();

/** The validated answers, or undefined when the file has errors (the config then checks syntax only). */
export function loadSiteAnswers(): SiteAnswers | undefined {
  const file = answersFileFromEnv();
  const hit = cache.get(file);
  if (hit) return hit;
  const loaded = loadAnswersFile(file);
  if (!loaded.answers) return undefined;
  const site = { answers: loaded.answers, values: slotValues(loaded.answers), revision: currentRevision(loaded.answers) };
  cache.set(file, site);
  return site;
}

/** For pages: the answers, or a thrown report of every problem in them. */
export function siteAnswers(): SiteAnswers {
  const site = loadSiteAnswers();
  if (site) return site;
  throw new Error(`回答ファイルに誤りがあります。\n${formatReport(loadAnswersFile(answersFileFromEnv()).problems)}`);
}
