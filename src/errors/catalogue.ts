/**
 * The one catalogue of problems this tool reports, with stable rule ids.
 *
 * Following Astro's error guide: each entry says what happened (`message`) and what
 * to do (`hint`), in Japanese for the people who edit the plan. Positions are not
 * repeated in the text; the reporter prints them in front.
 */

export type Severity = 'error' | 'warning';

interface RuleEntry<P> {
  severity: Severity;
  /** Short title used in summaries. */
  title: string;
  message: (params: P) => string;
}

function rule<P>(entry: RuleEntry<P>): RuleEntry<P> {
  return entry;
}

interface SlotParams {
  marker: string;
  label?: string;
  question?: string;
  answerPath?: string;
  answersFile?: string;
}

export const RULES = {
  // --- content: slots ----------------------------------------------------------
  'missing-answer': rule<SlotParams>({
    severity: 'error',
    title: '回答がない枠',
    message: (p) =>
      `枠 \`${p.marker}\`（${p.label}）に回答がありません。${p.answersFile} の \`${p.answerPath}\` に書いてください。質問: ${p.question}`,
  }),
  'unknown-slot': rule<{ marker: string; version: string; known: string; suggestion?: string }>({
    severity: 'error',
    title: 'ひな形にない枠',
    message: (p) =>
      `枠 \`${p.marker}\` はひな形 ${p.version} にありません（使える枠: ${p.known}）。${p.suggestion ? `\`${p.suggestion}\` の書き間違いではありませんか。` : '番号を確かめてください。'}`,
  }),
  'unclosed-slot': rule<{ marker: string; next?: string }>({
    severity: 'error',
    title: '閉じていない枠',
    message: (p) =>
      p.next
        ? `枠 \`${p.marker}\` が閉じないまま \`${p.next}\` が始まっています。\`${p.marker}例示値${p.marker}\` の形で、同じ段落の中で閉じてください。`
        : `枠 \`${p.marker}\` に対になる閉じ記号がありません。\`${p.marker}例示値${p.marker}\` の形で、同じ段落・見出し・表のセルの中で閉じてください。`,
  }),
  'malformed-marker': rule<{ raw: string; reason: string }>({
    severity: 'error',
    title: '壊れた枠記号',
    message: (p) => `\`${p.raw}\` は枠の記号として読めません（${p.reason}）。\`#番号#例示値#番号#\` の形で、番号は 1〜99 にしてください。`,
  }),
  'nonstandard-marker': rule<{ raw: string; canonical: string }>({
    severity: 'warning',
    title: '表記ゆれのある枠記号',
    message: (p) => `枠記号 \`${p.raw}\` は \`${p.canonical}\` として読みました。\`${p.canonical}\` と書くと確実です。`,
  }),
  'unused-answer': rule<{ answerPath: string; marker: string }>({
    severity: 'warning',
    title: '使われていない回答',
    message: (p) => `\`${p.answerPath}\` に回答がありますが、枠 \`${p.marker}\` は本文のどこにも出てきません。不要なら消してください。`,
  }),
  'marker-in-output': rule<{ raw: string }>({
    severity: 'error',
    title: '出力に残った枠記号',
    message: (p) =>
      `生成した HTML に枠記号 \`${p.raw}\` が残っています。本文の枠が解決されていないか、ページのテンプレートが枠記号を出力しています。意図して見せる場合は <code> か data-slot 属性を持つ要素の中に置いてください。`,
  }),

  'content-syntax': rule<{ detail: string }>({
    severity: 'error',
    title: '本文の書き方の誤り',
    message: (p) => `MDX として読めません: ${p.detail}。本文の「{」「<」は \\{ や &lt; のようにエスケープしてください。`,
  }),

  // --- answers file ------------------------------------------------------------
  'answers-not-found': rule<{ file: string }>({
    severity: 'error',
    title: '回答ファイルがない',
    message: (p) => `回答ファイル ${p.file} が見つかりません。パスを確かめるか、answers/answers.yaml を写して作ってください。`,
  }),
  'answers-empty': rule<Record<string, never>>({
    severity: 'error',
    title: '回答ファイルが空',
    message: () => '回答ファイルが空です。answers/answers.yaml を写して、自社の回答を書いてください。',
  }),
  'answers-yaml-syntax': rule<{ detail: string }>({
    severity: 'error',
    title: 'YAML の書き方の誤り',
    message: (p) => `YAML として読めません: ${p.detail}`,
  }),
  'answers-invalid': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: '回答の値の誤り',
    message: (p) => `\`${p.path}\`: ${p.detail}`,
  }),
  'template-version-unknown': rule<{ version: string; known: string }>({
    severity: 'error',
    title: '知らないひな形の版',
    message: (p) => `templateVersion「${p.version}」のひな形は知りません。対応している版: ${p.known}。`,
  }),
  'template-version-mismatch': rule<{ answers: string; content: string; added: string; removed: string }>({
    severity: 'error',
    title: 'ひな形の版が違う',
    message: (p) =>
      `回答はひな形 ${p.answers} 向けですが、本文はひな形 ${p.content} です。${p.added ? `${p.content} で増えた枠: ${p.added}。` : ''}${p.removed ? `${p.content} でなくなった枠: ${p.removed}。` : ''}回答を見直して templateVersion を「${p.content}」にしてください。`,
  }),
} as const;

export type RuleId = keyof typeof RULES;

type ParamsOf<R extends RuleId> = Parameters<(typeof RULES)[R]['message']>[0];

export function ruleMessage<R extends RuleId>(ruleId: R, params: ParamsOf<R>): string {
  const entry = RULES[ruleId] as RuleEntry<ParamsOf<R>>;
  return entry.message(params);
}

export function ruleSeverity(ruleId: RuleId): Severity {
  return RULES[ruleId].severity;
}

/** A located problem, the common shape of every report (answers and content alike). */
export interface Problem {
  file: string;
  line: number;
  column: number;
  ruleId: RuleId;
  severity: Severity;
  message: string;
}
