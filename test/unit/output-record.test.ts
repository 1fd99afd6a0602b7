/**
 * The output folder is ours by record (issue 21): the marker lists what the build wrote, and
 * a folder is replaced only when it holds the marker and nothing beyond the listed files.
 * Names alone (index.html, print.html, plan.pdf, checklists.html) prove nothing. Paths the
 * shell did not expand are refused. File-system only, in a temporary folder; no build runs.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildPaths,
  foreignContent,
  OUTPUT_MARKER,
  publishSite,
  readOutputRecord,
  refuseOutput,
  unexpandedShellWord,
  writeOutputRecord,
} from '../../src/build/output.ts';
import { ROOT } from '../helpers.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'bcp-record-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let folders = 0;

/** A new folder holding `files` (relative path → text). */
function folder(files: Record<string, string>): string {
  const dir = path.join(temp, `f${++folders}`);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** A folder as a build leaves it: the site's files and the marker listing them. */
function builtSite(): string {
  const dir = folder({ 'index.html': 'i', 'print.html': 'p', 'plan.pdf': 'pdf', 'checklists.html': 'c', 'threats/01.html': 't', 'search/index.json.gz': 's' });
  writeOutputRecord(dir);
  return dir;
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('the marker', () => {
  it('lists every file the build wrote, relative with /, and nothing else', () => {
    const dir = builtSite();
    const read = readOutputRecord(dir);
    expect('record' in read && read.record.files).toEqual([
      'checklists.html',
      'index.html',
      'plan.pdf',
      'print.html',
      'search/index.json.gz',
      'threats/01.html',
    ]);
    expect(readFileSync(path.join(dir, OUTPUT_MARKER), 'utf8')).toContain('bcp build が作ったフォルダの目印です');
  });

  it('lets a build replace a folder holding only the listed files (some may be gone)', () => {
    const dir = builtSite();
    rmSync(path.join(dir, 'plan.pdf'));
    expect(foreignContent(dir, 'dist')).toBeUndefined();
    expect(refuseOutput(ROOT, dir)).toBeUndefined();
  });
});

describe('refusals', () => {
  it('refuses a folder with the site’s four file names but no marker, naming no guess (the thesis stays)', () => {
    const dir = folder({ 'index.html': 'i', 'print.html': 'p', 'plan.pdf': 'pdf', 'checklists.html': 'c', 'thesis.docx': 'mine' });
    const problem = refuseOutput(ROOT, dir);
    expect(problem?.ruleId).toBe('output-not-ours');
    expect(problem?.message).toContain(`目印のファイル ${OUTPUT_MARKER} がありません`);
    expect(problem?.message).toContain('何も変えていません');
  });

  it('refuses a marked folder holding a file the build did not write, and names it with what to do', () => {
    const dir = builtSite();
    writeFileSync(path.join(dir, 'thesis.docx'), 'mine');
    const problem = refuseOutput(ROOT, dir);
    expect(problem?.ruleId).toBe('output-foreign-file');
    expect(problem?.severity).toBe('error');
    expect(problem?.file).toBe(path.join(dir, 'thesis.docx'));
    expect(problem?.message).toContain(`「${path.join(dir, 'thesis.docx')}」`);
    expect(problem?.message).toContain('出力先の外へ移し');
  });

  it('names every stray file (up to five, then a count), in sub-folders too, and a stray folder once', () => {
    const dir = builtSite();
    for (const file of ['a.txt', 'threats/notes.md', 'b.txt', 'c.txt', 'd.txt', 'e.txt']) writeFileSync(path.join(dir, file), 'x');
    mkdirSync(path.join(dir, 'photos', '2026'), { recursive: true });
    writeFileSync(path.join(dir, 'photos', '2026', 'a.jpg'), 'x');
    const problem = foreignContent(dir, 'out')!;
    expect(problem.message).toContain('「out/a.txt」、「out/b.txt」、「out/c.txt」、「out/d.txt」、「out/e.txt」 ほか 2 件');
    mkdirSync(path.join(dir, 'empty'));
    rmSync(path.join(dir, 'a.txt'));
    for (const file of ['b.txt', 'c.txt', 'd.txt', 'e.txt']) rmSync(path.join(dir, file));
    expect(foreignContent(dir, 'out')!.message).toContain('「out/empty/」、「out/photos/2026/a.jpg」、「out/threats/notes.md」があります');
  });

  it('refuses a marker of an older build (a sentence, no list) and a marker someone wrote', () => {
    for (const text of ['bcp build が作ったフォルダです。次の bcp build はこのフォルダを丸ごと置き換えます。\n', '', '{"files": "index.html"}']) {
      const dir = folder({ [OUTPUT_MARKER]: text, 'index.html': 'old' });
      const problem = refuseOutput(ROOT, dir);
      expect(problem?.ruleId, text).toBe('output-not-ours');
      expect(problem?.message).toContain('ファイルの一覧がありません');
    }
  });

  it.each([
    ['~', '~'],
    ['~/site', '~'],
    ['~someone/site', '~someone'],
    ['$HOME/site', '$HOME'],
    ['${HOME}/site', '${HOME}'],
    ['out/$USER', '$USER'],
    ['%USERPROFILE%\\site', '%USERPROFILE%'],
  ])('refuses %j, which the shell did not expand', (out, word) => {
    expect(unexpandedShellWord(out)).toBe(word);
    const problem = refuseOutput(ROOT, out);
    expect(problem?.ruleId).toBe('output-path-unexpanded');
    expect(problem?.message).toContain(`「${word}」は、シェルが展開しないまま届きました`);
    expect(problem?.message).toContain('フルパス');
  });

  it.each(['dist', 'site~1', 'a/b~', '100%', 'costs$'])('lets %j through as a name', (out) => {
    expect(unexpandedShellWord(out)).toBeUndefined();
  });
});

describe('the swap', () => {
  it('replaces a marked folder and writes the new record', () => {
    const out = builtSite();
    const site = folder({ 'index.html': 'new', 'plan.html': 'plan' });
    expect(publishSite(site, buildPaths(ROOT, out), 'dist')).toBeUndefined();
    expect(tree(out)).toEqual([OUTPUT_MARKER, 'index.html', 'plan.html']);
    const read = readOutputRecord(out);
    expect('record' in read && read.record.files).toEqual(['index.html', 'plan.html']);
  });

  it('touches nothing when a file appeared in the output while the build ran', () => {
    const out = builtSite();
    const before = tree(out);
    writeFileSync(path.join(out, 'report.xlsx'), 'saved meanwhile');
    const site = folder({ 'index.html': 'new' });
    const problem = publishSite(site, buildPaths(ROOT, out), 'dist');
    expect(problem?.ruleId).toBe('output-foreign-file');
    expect(problem?.message).toContain('「dist/report.xlsx」');
    expect(tree(out)).toEqual([...before, 'report.xlsx'].sort());
    expect(readFileSync(path.join(out, 'report.xlsx'), 'utf8')).toBe('saved meanwhile');
  });
});
