/**
 * The problems of the data files that depend only on known files (the checklists, the
 * glossary, the guideline tables) and, for the checklists, the slot values, kept in
 * `.cache/check/sources.json` beside the scan cache: after an edit of the answers,
 * `bcp check` does not parse them again. Keyed on the tool's fingerprint, the texts of the
 * files each one reads and what else it depends on.
 *
 * Never required: missing, damaged or stale means a normal load. Writes are atomic.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors/catalogue.ts';
import { isProblem } from './report-cache.ts';

export const SOURCE_CACHE_FILE = path.join('.cache', 'check', 'sources.json');

interface Entry {
  hash: string;
  problems: Problem[];
}

export class SourceCache {
  private readonly file: string;
  private entries: Record<string, Entry> = {};
  private dirty = false;

  private readonly cwd: string;
  private readonly tool: string;

  constructor(cwd: string, tool: string) {
    this.cwd = cwd;
    this.tool = tool;
    this.file = path.resolve(cwd, SOURCE_CACHE_FILE);
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as { tool?: unknown; entries?: unknown } | null;
      if (data && data.tool === tool && typeof data.entries === 'object' && data.entries !== null) this.entries = data.entries as Record<string, Entry>;
    } catch {
      // Missing or damaged: load normally.
    }
  }

  /**
   * The problems of `name`, from the cache when the files it reads (`inputs`) and `extra`
   * (what else it depends on) are unchanged. When the inputs cannot be listed, just `load`.
   */
  problems(name: string, inputs: () => string[], load: () => Problem[], extra = ''): Problem[] {
    const hash = createHash('sha256');
    hash.update(`${extra.length}\0${extra}`);
    let files: string[];
    try {
      files = inputs();
    } catch {
      return load();
    }
    for (const input of files) {
      let bytes: Buffer | undefined;
      try {
        bytes = readFileSync(path.resolve(this.cwd, input));
      } catch {
        bytes = undefined;
      }
      hash.update(`\0${input}\0${bytes ? bytes.length : 'none'}\0`);
      if (bytes) hash.update(bytes);
    }
    const key = hash.digest('hex');
    const entry = this.entries[name];
    if (entry && entry.hash === key && Array.isArray(entry.problems) && entry.problems.every(isProblem)) return entry.problems;
    const problems = load();
    this.entries[name] = { hash: key, problems };
    this.dirty = true;
    return problems;
  }

  save(): void {
    if (!this.dirty) return;
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temp, JSON.stringify({ tool: this.tool, entries: this.entries }));
      renameSync(temp, this.file);
      this.dirty = false;
    } catch {
      rmSync(temp, { force: true });
    }
  }
}
