/**
 * The log in localStorage. Every save reads what is stored first and writes the union,
 * so a tab never overwrites another tab's events. A stored value that is not a record is
 * copied under another key before anything is written over it, and if that copy fails
 * nothing is written at all.
 */
import { damagedKeyPrefix, type RecordEvent, type RecordMode } from '../../site/incident-record.ts';
import { emptyLog, mergeEvents, parseLog, type Log } from './log.ts';

export interface Damaged {
  /** Where the damaged text is kept now, or null when it could not be copied (then it is still under the record's key). */
  keptAs: string | null;
  raw: string;
}

export type SaveResult = { ok: true } | { ok: false; reason: 'quota' | 'refused' | 'damaged' };

/** localStorage, or null when this browser refuses it (some file:// setups, private windows). */
export function openStorage(key: string): Storage | null {
  try {
    const storage = window.localStorage;
    storage.setItem(`${key}:probe`, '1');
    storage.removeItem(`${key}:probe`);
    return storage;
  } catch {
    // A full storage also fails the probe; it is still readable, so keep it and let saves report.
    try {
      void window.localStorage.length;
      return window.localStorage;
    } catch {
      return null;
    }
  }
}

function isQuota(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22);
}

type Read = { kind: 'empty' } | { kind: 'log'; log: Log } | { kind: 'damaged'; raw: string };

function read(storage: Storage, key: string, mode: RecordMode): Read {
  const raw = storage.getItem(key);
  if (raw === null) return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'damaged', raw };
  }
  const log = parseLog(value, mode);
  // A record of the other mode under this key is as unusable here as a damaged one: keep it aside.
  return log && log.mode === mode ? { kind: 'log', log } : { kind: 'damaged', raw };
}

/** Copies a damaged value aside (never over an earlier copy); returns its key, or null when storage refused. */
function keepDamaged(storage: Storage, key: string, raw: string): string | null {
  const prefix = damagedKeyPrefix(key);
  let aside = prefix + new Date().toISOString();
  for (let n = 2; storage.getItem(aside) !== null; n++) aside = `${prefix}${new Date().toISOString()}-${n}`;
  try {
    storage.setItem(aside, raw);
    return aside;
  } catch {
    return null;
  }
}

export interface Store {
  log: Log;
  /** Set when the stored record could not be read when the page opened. */
  damaged?: Damaged;
  /** Appends events made here and saves. */
  add(events: RecordEvent[]): SaveResult;
  /** Merges events from elsewhere (another tab, a file) and saves. */
  merge(events: readonly RecordEvent[]): SaveResult;
  /** Re-reads the stored record (after a storage event); true when something changed. */
  refresh(): boolean;
  /** Starts a new, empty record (the user asked to clear). */
  clear(): SaveResult;
  /** Writes what is not yet stored. */
  save(): SaveResult;
  /** Damaged records kept aside under this record's key: [key, text]. */
  damagedRecords(): Array<[string, string]>;
}

export function openStore(storage: Storage | null, key: string, mode: RecordMode): Store {
  let log = emptyLog(mode);
  let damaged: Damaged | undefined;
  // Events made here and not yet written (kept until a save succeeds).
  let pending: RecordEvent[] = [];
  // True while a damaged value sits under the key and could not be copied aside: never write over it.
  let blocked = false;

  if (storage) {
    const found = read(storage, key, mode);
    if (found.kind === 'log') log = found.log;
    else if (found.kind === 'damaged') {
      const keptAs = keepDamaged(storage, key, found.raw);
      damaged = { keptAs, raw: found.raw };
      blocked = keptAs === null;
      // Copied aside: the key is free for the new record (the copy is never written over).
      if (keptAs !== null) storage.removeItem(key);
    }
  }

  function save(): SaveResult {
    if (!storage) return { ok: false, reason: 'refused' };
    try {
      const found = read(storage, key, mode);
      if (found.kind === 'damaged') {
        // Damaged while this page was open (or still not copied): keep it before writing.
        if (keepDamaged(storage, key, found.raw) === null) {
          blocked = true;
          return { ok: false, reason: 'damaged' };
        }
        blocked = false;
      } else if (found.kind === 'log') {
        if (found.log.recordId === log.recordId) log = { ...log, events: mergeEvents(log.events, found.log.events) };
        // Cleared in another tab: follow it, keeping only what was made here since.
        else log = { ...found.log, events: mergeEvents(found.log.events, pending) };
      }
      if (blocked) return { ok: false, reason: 'damaged' };
      storage.setItem(key, JSON.stringify(log));
      pending = [];
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isQuota(error) ? 'quota' : 'refused' };
    }
  }

  return {
    get log() {
      return log;
    },
    damaged,
    add(events) {
      pending = [...pending, ...events];
      log = { ...log, events: mergeEvents(log.events, events) };
      return save();
    },
    merge(events) {
      log = { ...log, events: mergeEvents(log.events, events) };
      return save();
    },
    refresh() {
      if (!storage) return false;
      const found = read(storage, key, mode);
      if (found.kind !== 'log') return false;
      const before = log.events.length + log.recordId;
      if (found.log.recordId === log.recordId) log = { ...log, events: mergeEvents(log.events, found.log.events) };
      else log = { ...found.log, events: mergeEvents(found.log.events, pending) };
      return before !== log.events.length + log.recordId;
    },
    clear() {
      log = emptyLog(mode);
      pending = [];
      if (!storage) return { ok: false, reason: 'refused' };
      if (blocked) return save();
      try {
        storage.setItem(key, JSON.stringify(log));
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: isQuota(error) ? 'quota' : 'refused' };
      }
    },
    save,
    damagedRecords() {
      if (!storage) return [];
      const prefix = damagedKeyPrefix(key);
      const found: Array<[string, string]> = [];
      for (let i = 0; i < storage.length; i++) {
        const name = storage.key(i);
        if (name?.startsWith(prefix)) found.push([name, storage.getItem(name) ?? '']);
      }
      if (blocked && damaged) found.push([key, damaged.raw]);
      return found.sort();
    },
  };
}
