/** The record as files: JSON (for merging back and for `bcp review`) and a printable HTML log. */
import {
  EXERCISE_LABEL,
  RECORD_FIELDS,
  RECORD_FORMAT,
  RECORD_VERSION,
  REVIEW_FINDING_FIELDS,
  REVIEW_ROWS,
  REVIEW_WENT_WELL,
  reviewFieldName,
  type ExportedItem,
  type ExportedRecord,
  type ReviewFinding,
} from '../../site/incident-record.ts';
import { fold, type Log } from './log.ts';

function pad(n: number): string {
  return (n < 10 ? '0' : '') + n;
}

/** 2026-05-12 09:40 in local time: what people write on paper. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${localDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function fileStamp(): string {
  const d = new Date();
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

export interface ExportContext {
  company: string;
  plan: string;
  /** Every item in page order, as the page describes it. */
  items: ReadonlyArray<Omit<ExportedItem, 'checkedAt' | 'note'>>;
}

export function exportRecord(log: Log, context: ExportContext): ExportedRecord {
  const state = fold(log.events);
  const last = log.events[log.events.length - 1];
  const first = log.events[0];
  const record: ExportedRecord = {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    mode: log.mode,
    ...(log.mode === 'exercise' ? { label: EXERCISE_LABEL } : {}),
    recordId: log.recordId,
    company: context.company,
    plan: context.plan,
    createdAt: log.createdAt,
    updatedAt: last ? last.at : log.createdAt,
    exportedAt: new Date().toISOString(),
    date: localDate(first ? first.at : log.createdAt),
    fields: Object.fromEntries(RECORD_FIELDS.map((f) => [f.name, state.fields[f.name] ?? ''])),
    items: context.items.map((item) => {
      const s = state.items[item.id] ?? {};
      return { ...item, checkedAt: s.checkedAt ?? null, note: s.note ?? '' };
    }),
    events: log.events,
  };
  if (log.mode === 'exercise') {
    const findings: ReviewFinding[] = [];
    for (let row = 0; row < REVIEW_ROWS; row++) {
      const get = (name: string) => (state.fields[reviewFieldName(row, name)] ?? '').trim();
      const finding: ReviewFinding = { gap: get('gap'), change: get('change'), owner: get('owner'), due: get('due') };
      if (Object.values(finding).some((v) => v !== '')) findings.push(finding);
    }
    record.review = { wentWell: (state.fields[reviewFieldName(null, REVIEW_WENT_WELL.name)] ?? '').trim(), findings };
  }
  return record;
}

export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const STYLE =
  'body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic UI","Meiryo",sans-serif;margin:1.5rem;color:#000;line-height:1.6}' +
  'table{border-collapse:collapse;width:100%;margin:0.5rem 0 1.5rem}th,td{border:1px solid #444;padding:0.25rem 0.4rem;text-align:left;vertical-align:top;font-size:0.9rem}' +
  'th{background:#eee;white-space:nowrap}.box{text-align:center;font-size:1.1rem}.t{white-space:nowrap;font-variant-numeric:tabular-nums}tr{break-inside:avoid}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}' +
  '.exercise{border:3px solid #b00;color:#b00;font-weight:700;font-size:1.2rem;padding:0.4rem 0.8rem;text-align:center}';

/** A self-contained HTML page: the incident log, for printing and for the files. */
export function summaryHtml(data: ExportedRecord): string {
  const exercise = data.mode === 'exercise';
  const title = `${exercise ? `【${EXERCISE_LABEL}】` : ''}対応記録（インシデントログ）`;
  const rows = data.items
    .map(
      (item) =>
        `<tr><td class="box">${item.checkedAt ? '&#x2611;' : '&#x2610;'}</td><td>${escapeHtml(item.phase)}</td><td>${escapeHtml(item.text)}</td>` +
        `<td>${escapeHtml(item.role)}</td><td class="t">${item.checkedAt ? escapeHtml(localTime(item.checkedAt)) : ''}</td><td>${escapeHtml(item.note)}</td></tr>`,
    )
    .join('\n');
  const facts = RECORD_FIELDS.map((f) => `<tr><th>${escapeHtml(f.label)}</th><td>${escapeHtml(data.fields[f.name] ?? '')}</td></tr>`).join('\n');
  const events = data.events
    .filter((e) => e.type === 'check' || e.type === 'uncheck')
    .map((e) => `<li><span class="t">${escapeHtml(localTime(e.at))}</span> ${e.type === 'uncheck' ? '取り消し: ' : ''}${escapeHtml(e.value ?? '')}</li>`)
    .join('\n');
  let review = '';
  if (data.review) {
    const heads = REVIEW_FINDING_FIELDS.map((f) => `<th>${escapeHtml(f.label)}</th>`).join('');
    const findings = data.review.findings
      .map((f) => `<tr>${REVIEW_FINDING_FIELDS.map((field) => `<td>${escapeHtml(f[field.name as keyof ReviewFinding])}</td>`).join('')}</tr>`)
      .join('\n');
    review =
      `<h2>振り返り（訓練の後で）</h2>\n<table><tbody><tr><th>${escapeHtml(REVIEW_WENT_WELL.label)}</th><td>${escapeHtml(data.review.wentWell)}</td></tr></tbody></table>\n` +
      `<table><thead><tr>${heads}</tr></thead><tbody>\n${findings || `<tr><td colspan="${REVIEW_FINDING_FIELDS.length}">記入はまだありません</td></tr>`}\n</tbody></table>\n`;
  }
  return (
    `<!doctype html>\n<html lang="ja"><head><meta charset="utf-8"><title>${title} ${escapeHtml(data.company)}</title>\n<style>${STYLE}</style>\n</head><body>\n` +
    (exercise ? `<p class="exercise">${EXERCISE_LABEL}の記録です。実際のインシデントの記録ではありません。</p>\n` : '') +
    `<h1>${title}</h1>\n` +
    `<p>${escapeHtml(data.company)} / ${escapeHtml(data.plan)}<br>記録の開始: ${escapeHtml(localTime(data.createdAt))} / 書き出し: ${escapeHtml(localTime(data.exportedAt))}</p>\n` +
    `<h2>概要</h2>\n<table><tbody>\n${facts}\n</tbody></table>\n` +
    `<h2>対応の経過</h2>\n<ol>\n${events || '<li>記録はまだありません</li>'}\n</ol>\n` +
    `<h2>チェックリスト</h2>\n<table><thead><tr><th></th><th>段階</th><th>項目</th><th>担当</th><th>時刻</th><th>メモ</th></tr></thead><tbody>\n${rows}\n</tbody></table>\n` +
    review +
    '</body></html>\n'
  );
}
