/** guidelines/automotive.csv: the self-assessment beside the customer's check sheet (internal only). */
import type { APIRoute } from 'astro';
import { automotiveCsv } from '../../guidelines/csv.ts';
import { requireGuidelines } from '../../guidelines/load.ts';
import { scoreSheet } from '../../guidelines/score.ts';
import { siteAnswers } from '../../site/answers.ts';

export const GET: APIRoute = () => {
  const { answers, today } = siteAnswers();
  const { automotive } = requireGuidelines();
  const csv = automotiveCsv(automotive, scoreSheet(automotive, answers, today.date), answers.plan.siteUrl);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
