/**
 * The log in localStorage. Every save reads what is stored first and writes the union,
 * so a tab never overwrites another tab's events. A stored value that is not a record is
 * copied under another key before anything is written over it, and if that copy fails
 * nothing is written at all.
 */
import { damagedKeyPrefix, type RecordEvent, type RecordMode } from '../../site/incident-record.ts';
import { emptyLog, mergeEvents, parseCurrent, type Log } from './log.ts';

/** Reads a stored value: parseCurrent, or parseLog (which also upgrades version 1) once the tools are loaded. */
export type Parse = (value: unknown, mode: RecordMode) => Log | undefined;

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

function read(storage: Storage, key: string, mode: RecordMode, parse: Parse): Read {
  const raw = storage.getItem(key);
  if (raw === null) return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'damaged', raw };
  }
  const log = parse(value, mode);
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
}

export function openStore(storage: Storage | null, key: string, mode: RecordMode, parse: Parse = parseCurrent): Store {
  let log = emptyLog(mode);
  let damaged: Damaged | undefined;
  // Events made here and not yet written (kept until a save succeeds).
  let pending: RecordEvent[] = [];
  // True while a damaged value sits under the key and could not be copied aside: never write over it.
  let blocked = false;

  if (storage) {
    const found = read(storage, key, mode, parse);
    if (found.kind === 'log') log = found.log;
    else if (found.kind === 'damaged') {
      const keptAs = keepDamaged(storage, key, found.raw);
      damaged = { keptAs, raw: found.raw };
      blocked = keptAs === null;
      // Copied aside: the key is free for the new record (the copy is never written over).
      if (keptAs !== null) storage.removeItem(key);
    }
  }

  /** Takes in the stored record: merged when it is this one, followed when another tab cleared it. */
  function follow(stored: Log): void {
    if (stored.recordId === log.recordId) log = { ...log, events: mergeEvents(log.events, stored.events) };
    // Cleared in another tab: follow it, keeping only what was made here since.
    else log = { ...stored, events: mergeEvents(stored.events, pending) };
  }

  function write(): SaveResult {
    if (!storage) return { ok: false, reason: 'refused' };
    try {
      storage.setItem(key, JSON.stringify(log));
      pending = [];
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isQuota(error) ? 'quota' : 'refused' };
    }
  }

  function save(): SaveResult {
    if (!storage) return { ok: false, reason: 'refused' };
    try {
      const found = read(storage, key, mode, parse);
      if (found.kind === 'damaged') {
        // Damaged while this page was open (or still not copied): keep it before writing.
        blocked = keepDamaged(storage, key, found.raw) === null;
      } else if (found.kind === 'log') follow(found.log);
    } catch {
      return { ok: false, reason: 'refused' };
    }
    return blocked ? { ok: false, reason: 'damaged' } : write();
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
      const found = read(storage, key, mode, parse);
      if (found.kind !== 'log') return false;
      const before = log.events.length + log.recordId;
      follow(found.log);
      return before !== log.events.length + log.recordId;
    },
    clear() {
      log = emptyLog(mode);
      pending = [];
      // A damaged value still under the key is kept aside first (or not written over).
      return blocked ? save() : write();
    },
    save,
  };
}
