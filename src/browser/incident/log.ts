/**
 * The incident log as data: an append-only list of events, merged by id, and the state
 * (ticks, notes, fields) folded from it. Pure functions, so tabs, reloads and imported
 * files all merge the same way: a union of events never loses one.
 */
import { RECORD_FORMAT, RECORD_VERSION, type EventType, type RecordEvent, type RecordMode } from '../../site/incident-record.ts';

export interface Log {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  mode: RecordMode;
  /** Changes when the record is cleared, so a cleared record is not merged back from another tab. */
  recordId: string;
  createdAt: string;
  events: RecordEvent[];
}

export interface ItemState {
  checkedAt?: string;
  note?: string;
}

export interface State {
  items: Record<string, ItemState>;
  fields: Record<string, string>;
}

export function newId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
}

export function emptyLog(mode: RecordMode): Log {
  return { format: RECORD_FORMAT, version: RECORD_VERSION, mode, recordId: newId(), createdAt: new Date().toISOString(), events: [] };
}

function byTime(a: RecordEvent, b: RecordEvent): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The union of two event lists (by id), in time order. */
export function mergeEvents(a: readonly RecordEvent[], b: readonly RecordEvent[]): RecordEvent[] {
  const seen = new Map<string, RecordEvent>();
  for (const event of [...a, ...b]) if (!seen.has(event.id)) seen.set(event.id, event);
  return [...seen.values()].sort(byTime);
}

/** Replays the log: the last event of each item or field wins. */
export function fold(events: readonly RecordEvent[]): State {
  const state: State = { items: {}, fields: {} };
  const item = (id: string) => (state.items[id] ??= {});
  for (const event of [...events].sort(byTime)) {
    if (event.type === 'field' && event.field) state.fields[event.field] = event.value ?? '';
    else if (event.item && event.type === 'check') item(event.item).checkedAt = event.at;
    else if (event.item && event.type === 'uncheck') delete item(event.item).checkedAt;
    else if (event.item && event.type === 'note') item(event.item).note = event.value ?? '';
  }
  return state;
}

const TYPES: readonly EventType[] = ['check', 'uncheck', 'note', 'field'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

export function isEvent(value: unknown): value is RecordEvent {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.at === 'string' &&
    !Number.isNaN(Date.parse(value.at)) &&
    typeof value.tab === 'string' &&
    TYPES.includes(value.type as EventType) &&
    optionalString(value.item) &&
    optionalString(value.field) &&
    optionalString(value.value)
  );
}

/** Reads a record of the current version (what this page stores); anything else: undefined. */
export function parseCurrent(value: unknown, fallbackMode: RecordMode): Log | undefined {
  const head = recordHead(value, fallbackMode);
  if (!head || head.value.version !== RECORD_VERSION) return undefined;
  const { value: record, mode, createdAt } = head;
  if (typeof record.recordId !== 'string' || !(record.events as unknown[]).every(isEvent)) return undefined;
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    mode,
    recordId: record.recordId,
    createdAt,
    events: mergeEvents(record.events as RecordEvent[], []),
  };
}

/**
 * Reads a stored or downloaded record. Version 1 (state only, before the log) is turned
 * into events so an old record is kept. Anything else that is not a record: undefined.
 * (Not in checklist.js: it reaches an old stored record through checklist-tools.js.)
 */
export function parseLog(value: unknown, fallbackMode: RecordMode): Log | undefined {
  const head = recordHead(value, fallbackMode);
  if (head?.value.version === 1) return fromVersion1(head.value, head.mode, head.createdAt);
  return parseCurrent(value, fallbackMode);
}

function recordHead(value: unknown, fallbackMode: RecordMode): { value: Record<string, unknown>; mode: RecordMode; createdAt: string } | undefined {
  if (!isObject(value) || value.format !== RECORD_FORMAT || !Array.isArray(value.events)) return undefined;
  const mode: RecordMode = value.mode === 'exercise' ? 'exercise' : value.mode === 'incident' ? 'incident' : fallbackMode;
  return { value, mode, createdAt: typeof value.createdAt === 'string' ? value.createdAt : new Date().toISOString() };
}

function fromVersion1(value: Record<string, unknown>, mode: RecordMode, createdAt: string): Log | undefined {
  const events: RecordEvent[] = [];
  const updatedAt = typeof value.updatedAt === 'string' ? value.updatedAt : createdAt;
  const old = value.events as unknown[];
  old.forEach((e, index) => {
    if (!isObject(e) || typeof e.at !== 'string' || typeof e.item !== 'string') return;
    events.push({
      id: `v1-${index}`,
      at: e.at,
      tab: 'v1',
      type: e.action === 'unchecked' ? 'uncheck' : 'check',
      item: e.item,
      value: typeof e.text === 'string' ? e.text : '',
    });
  });
  if (isObject(value.items)) {
    for (const [item, state] of Object.entries(value.items)) {
      if (isObject(state) && typeof state.note === 'string' && state.note !== '') {
        events.push({ id: `v1-note-${item}`, at: updatedAt, tab: 'v1', type: 'note', item, value: state.note });
      }
    }
  }
  if (isObject(value.fields)) {
    for (const [field, text] of Object.entries(value.fields)) {
      if (typeof text === 'string' && text !== '') events.push({ id: `v1-field-${field}`, at: updatedAt, tab: 'v1', type: 'field', field, value: text });
    }
  }
  return { format: RECORD_FORMAT, version: RECORD_VERSION, mode, recordId: `v1-${createdAt}`, createdAt, events: mergeEvents(events, []) };
}
