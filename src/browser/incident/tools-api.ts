/**
 * The contract between checklist.js (loaded up front: storage, ticks, typing, tabs) and
 * checklist-tools.js (loaded on first use: export, import, the printable log, damaged-record
 * downloads). The second script is classic too (file:// runs no modules) and hands its
 * functions over through a global.
 */
import type { RecordMode } from '../../site/incident-record.ts';
import type { Parse, SaveResult, Store } from './store.ts';

/** File name of the second script, next to checklist.js at the site root. */
export const TOOLS_SCRIPT = 'checklist-tools.js';
/** The global the second script sets. */
export const TOOLS_GLOBAL = 'bcpChecklistTools';
/** Issue 23: the id of the JSON data that carries checklist-tools.js inside the one-file offline edition. */
export const TOOLS_DATA_ID = 'bcp-checklist-tools';

/** What the page lends the tools: its record, its items and its way of speaking. */
export interface ToolsHost {
  mode: RecordMode;
  /** The record's localStorage key. */
  key: string;
  company: string;
  plan: string;
  store: Store;
  items: readonly HTMLElement[];
  /** Puts `content` in the alert box as the notice `kind` (replacing an earlier one), or removes it (null). */
  alert(kind: string, content: Node | null): void;
  saved(result: SaveResult): boolean;
  render(): void;
  say(text: string): void;
}

export interface Tools {
  /** A button of the panel: download-json, download-summary, download-damaged or reset. */
  run(action: string, host: ToolsHost): void;
  /** A record file chosen to merge into this one. */
  importFile(file: File, host: ToolsHost): void;
  /** Reads any record, upgrading version 1: checklist.js opens an old stored record with it. */
  parseLog: Parse;
}
