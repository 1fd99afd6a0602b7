/**
 * The scan cache of `bcp check`: `.cache/check/scan.json` under the project (ignored by git).
 *
 * An entry holds what the slot plugin left on one content file (its slots and messages),
 * keyed on the file's path and text, and on every answer the plugin consulted for it
 * (`values.has`/`values.get`/`answerPlace` of a slot number, with the results). The whole
 * cache also carries the tool's fingerprint, the template version and the answers file, so
 * a new tool or template never trusts an old cache.
 *
 * The cache is never required: a missing, damaged or stale cache means a normal scan, and a
 * cache that cannot be written is skipped. Writes go to a temp file that is then renamed,
 * so a reader never sees half a file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Options as SlotOptions, SlotOccurrence } from '../../plugins/remark-bcp-slots.ts';
import type { SlotValues } from '../answers/values.ts';

export const SCAN_CACHE_FILE = path.join('.cache', 'check', 'scan.json');
/** Bump when the layout of the cache file changes. */
const FORMAT = 1;

/** Set by scripts/bundle-cli.ts; absent when the CLI runs from the sources. */
declare const __BCP_BUNDLED__: boolean | undefined;

/** One answer the plugin consulted for a file, and what it got. */
type Consulted = ['has', number, boolean] | ['get', number, string | null] | ['place', number, string | null];

interface CachedMessage {
  reason: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
}

interface Entry {
  hash: string;
  consulted: Consulted[];
  slots: SlotOccurrence[];
  messages: CachedMessage[];
}

interface CacheFile {
  format: number;
  key: string;
  files: Record<string, Entry>;
}

/**
 * The fingerprint of the running bundled CLI (all of `.cache/cli/*.js`), or undefined when
 * the CLI runs from the sources: then which code runs cannot be told cheaply, so no cache.
 */
export function bundledToolFingerprint(): string | undefined {
  if (fingerprint === undefined) fingerprint = { value: bundledTool() };
  return fingerprint.value;
}
let fingerprint: { value: string | undefined } | undefined;

function bundledTool(): string | undefined {
  if (typeof __BCP_BUNDLED__ === 'undefined' || !__BCP_BUNDLED__) return undefined;
  const entry = process.argv[1];
  if (!entry || path.basename(entry) !== 'bcp.js') return undefined;
  try {
    return toolFingerprint(path.dirname(realpathSync(entry)));
  } catch {
    return undefined;
  }
}

/** A hash of the names and contents of the `.js` files in a folder. */
export function toolFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.js'))
    .sort()) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(path.join(dir, name)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const textHash = (file: VFile) => createHash('sha256').update(String(file.value)).digest('hex');

export class ScanCache {
  readonly file: string;
  private readonly key: string;
  private files: Record<string, Entry> = {};
  private dirty = false;

  /**
   * @param cwd the project folder (the cache lives under its `.cache/check/`)
   * @param tool the tool's fingerprint (see `bundledToolFingerprint`)
   * @param options the slot plugin's options of this run
   */
  constructor(cwd: string, tool: string, options: SlotOptions) {
    this.file = path.resolve(cwd, SCAN_CACHE_FILE);
    // Whether there are values at all changes what the plugin reports (no answers: no missing-answer).
    this.key = JSON.stringify([tool, options.templateVersion ?? null, options.answersFile ?? null, options.values !== undefined, options.failOnError === true]);
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<CacheFile> | null;
      if (data && data.format === FORMAT && data.key === this.key && typeof data.files === 'object' && data.files !== null) this.files = data.files;
    } catch {
      // Missing or damaged: scan normally and write a new one.
    }
  }

  /** Puts the cached slots and messages on `file` when its entry is still valid; false otherwise. */
  restore(file: VFile, options: SlotOptions): boolean {
    const entry = this.files[file.path];
    if (!isEntry(entry) || entry.hash !== textHash(file)) return false;
    if (!entry.consulted.every((c) => sameAnswer(c, options))) return false;
    file.data.bcpSlots = entry.slots.map((slot) => ({ ...slot }));
    for (const cached of entry.messages) {
      const message = file.message(cached.reason, { ruleId: cached.ruleId, source: cached.source });
      message.line = cached.line;
      message.column = cached.column;
      message.fatal = cached.fatal;
    }
    return true;
  }

  /** Plugin options whose answers note what the plugin consults, one file at a time. */
  recorder(options: SlotOptions): { options: SlotOptions; begin(): void; consulted(): Consulted[] | undefined } {
    let consulted: Consulted[] = [];
    // Anything but has/get (iterating, size…) cannot be replayed: such a file is not cached.
    let opaque = false;
    const values = options.values;
    const recorded: SlotValues | undefined =
      values &&
      new Proxy(values, {
        get(target, property) {
          if (property === 'has')
            return (id: number) => {
              const result = target.has(id);
              consulted.push(['has', id, result]);
              return result;
            };
          if (property === 'get')
            return (id: number) => {
              const result = target.get(id);
              consulted.push(['get', id, result ?? null]);
              return result;
            };
          opaque = true;
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    const place = options.answerPlace;
    return {
      options: {
        ...options,
        values: recorded,
        answerPlace:
          place &&
          ((id) => {
            const result = place(id);
            consulted.push(['place', id, result ?? null]);
            return result;
          }),
      },
      begin() {
        consulted = [];
        opaque = false;
      },
      consulted: () => (opaque ? undefined : consulted),
    };
  }

  /** Remembers what the plugin left on `file`, given what it consulted (undefined: not cacheable). */
  store(file: VFile, consulted: Consulted[] | undefined): void {
    if (!consulted) return;
    this.files[file.path] = {
      hash: textHash(file),
      consulted,
      slots: (file.data.bcpSlots ?? []).map((slot) => ({ ...slot })),
      messages: file.messages.map((m) => ({
        reason: m.reason,
        line: m.line,
        column: m.column,
        ruleId: m.ruleId,
        source: m.source,
        fatal: m.fatal,
      })),
    };
    this.dirty = true;
  }

  /** Writes the cache when it changed: temp file, then rename. Failing to write is not an error. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const data: CacheFile = { format: FORMAT, key: this.key, files: this.files };
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, this.file);
      this.dirty = false;
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

function sameAnswer([kind, id, result]: Consulted, options: SlotOptions): boolean {
  if (kind === 'has') return options.values?.has(id) === result;
  if (kind === 'get') return (options.values?.get(id) ?? null) === result;
  return (options.answerPlace?.(id) ?? null) === result;
}

function isEntry(entry: unknown): entry is Entry {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Partial<Entry>;
  return (
    typeof e.hash === 'string' &&
    Array.isArray(e.consulted) &&
    e.consulted.every((c) => Array.isArray(c) && c.length === 3 && ['has', 'get', 'place'].includes(c[0] as string) && typeof c[1] === 'number') &&
    Array.isArray(e.slots) &&
    e.slots.every((s) => typeof s === 'object' && s !== null && typeof s.id === 'number' && typeof s.line === 'number' && typeof s.column === 'number') &&
    Array.isArray(e.messages) &&
    e.messages.every((m) => typeof m === 'object' && m !== null && typeof m.reason === 'string')
  );
}
