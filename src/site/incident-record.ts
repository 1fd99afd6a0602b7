/**
 * The incident record, defined once: its fields, the review sheet of an exercise, the
 * storage keys and the shape of an exported record. The incident page, the printed
 * checklist, the browser script (bundled) and `bcp review` all read it from here.
 *
 * No imports: esbuild inlines this module into the classic browser script.
 */

export const RECORD_FORMAT = 'bcp-incident-record';
/** 2: an append-only list of events with ids (1 kept only the latest state). */
export const RECORD_VERSION = 2;

/** A real incident, or a rehearsal (`?mode=exercise`), which must never mix with a real record. */
export type RecordMode = 'incident' | 'exercise';
export const EXERCISE_QUERY = 'mode=exercise';
export const EXERCISE_LABEL = '訓練';

export interface RecordField {
  /** Key in the stored and exported record. */
  name: string;
  /** Label on screen and on paper. */
  label: string;
  /** Several lines (textarea) rather than one. */
  multiline?: boolean;
  placeholder?: string;
}

/** What happened, written once at the top of the record (the 6 facts of a first report). */
export const RECORD_FIELDS: readonly RecordField[] = [
  { name: 'noticedAt', label: '気づいた日時', placeholder: '例: 5月12日 9:40' },
  { name: 'occurredAt', label: '実際に発生した日時（分かれば）' },
  { name: 'recorder', label: '記録する人（役職）' },
  { name: 'event', label: '起きたこと', multiline: true },
  { name: 'systems', label: '被害を受けたシステム・装置', multiline: true },
  { name: 'cause', label: '考えられる原因', multiline: true },
];

/** The after-action review of an exercise: one free text, then findings each with an owner and a due date. */
export const REVIEW_WENT_WELL: RecordField = { name: 'wentWell', label: 'うまくいったこと', multiline: true };

export const REVIEW_FINDING_FIELDS: readonly (RecordField & { date?: boolean })[] = [
  { name: 'gap', label: '課題（うまくいかなかったこと・足りなかったもの）' },
  { name: 'change', label: '計画の変更（どこをどう直すか）' },
  { name: 'owner', label: '担当（役職）' },
  { name: 'due', label: '期限', date: true },
];

/** Rows of findings on the review sheet. */
export const REVIEW_ROWS = 5;

/** Field-event key of a review entry: `review.wentWell`, `review.2.owner`. */
export function reviewFieldName(row: number | null, name: string): string {
  return row === null ? `review.${name}` : `review.${row}.${name}`;
}

/** localStorage key of a company's record; an exercise lives under its own key. */
export function recordKey(company: string, mode: RecordMode): string {
  return `${mode === 'exercise' ? 'bcp-exercise-record' : 'bcp-incident-record'}:${company}`;
}

/** Prefix of the keys under which a damaged stored record is kept, never overwritten. */
export function damagedKeyPrefix(key: string): string {
  return `${key}:damaged:`;
}

export type EventType = 'check' | 'uncheck' | 'note' | 'field';

/** One entry of the append-only log. `id` is unique (tab id + counter); `at` is an ISO time. */
export interface RecordEvent {
  id: string;
  at: string;
  /** The tab (page load) that made it. */
  tab: string;
  type: EventType;
  /** check, uncheck, note: the checklist item id. */
  item?: string;
  /** field: the field name (`RECORD_FIELDS` or `review.…`). */
  field?: string;
  /** note, field: the text as typed. check, uncheck: the item's text when it happened. */
  value?: string;
}

export interface ReviewFinding {
  gap: string;
  change: string;
  owner: string;
  due: string;
}

export interface ExportedItem {
  id: string;
  phase: string;
  text: string;
  role: string;
  checkedAt: string | null;
  note: string;
}

/** The downloaded JSON: state for people and the full log for merging back. */
export interface ExportedRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  mode: RecordMode;
  /** 「訓練」 on an exercise record, so nobody mistakes it for a real one. */
  label?: string;
  recordId: string;
  company: string;
  plan: string;
  createdAt: string;
  updatedAt: string;
  exportedAt: string;
  /** Local date (YYYY-MM-DD) of the first event, or of the start of the record. */
  date: string;
  fields: Record<string, string>;
  items: ExportedItem[];
  review?: { wentWell: string; findings: ReviewFinding[] };
  events: RecordEvent[];
}
