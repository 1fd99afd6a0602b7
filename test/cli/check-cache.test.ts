/**
 * The scan cache of `bcp check` (src/check/scan-cache.ts). To tell whether the cache was
 * used, a test plants a marked message in it: the mark shows up only when the cache
 * answered, and the rest of the output must equal a run without any cache.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReport, runCheck, type CheckOptions } from '../../src/check/check.ts';
import { REPORT_CACHE_FILE } from '../../src/check/report-cache.ts';
import { SOURCE_CACHE_FILE } from '../../src/check/source-cache.ts';
import { SCAN_CACHE_FILE, toolFingerprint } from '../../src/check/scan-cache.ts';
import { CLI_ENTRY } from '../../scripts/bundle-cli.ts';
import { FIXTURES, ROOT } from '../helpers.ts';

const run = promisify(execFile);
const EXAMPLE = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const MARK = 'キャッシュから来た';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcp-check-cache-'));
  made.push(dir);
  const files: Record<string, string> = {
    'answers/answers.yaml': EXAMPLE,
    'content/plan/x.mdx': '---\ntitle: x\nchapter: 1\n---\n\n目標は#7#2時間以内#7#とする。\n\n閉じない #3#担当 のまま。\n',
    'content/plan/y.md': '窓口は#2#総務課#2#です。\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** What the check reports, as the CLI prints it (`--json` carries tokens and problems). */
async function report(dir: string, tool: string | false) {
  const result = await runCheck({ cwd: dir, cache: tool === false ? false : { tool } });
  return JSON.stringify({ tokens: result.tokens, problems: result.problems });
}

/** Marks every cached message of x.mdx, so a run that used the entry shows the mark. */
function plantMark(dir: string) {
  const file = path.join(dir, SCAN_CACHE_FILE);
  const cache = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, { messages: Array<{ reason: string }> }> };
  const entry = cache.files['content/plan/x.mdx']!;
  expect(entry.messages.length).toBeGreaterThan(0);
  for (const message of entry.messages) message.reason = `${MARK}${message.reason}`;
  writeFileSync(file, JSON.stringify(cache));
}

function editAnswers(dir: string, from: string, to: string) {
  const file = path.join(dir, 'answers', 'answers.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('the scan cache of bcp check', () => {
  it('answers from the cache when nothing changed, with the same output as a scan', async () => {
    const dir = project();
    const fresh = await report(dir, false);
    expect(fresh).toContain('unclosed-slot');
    expect(await report(dir, 'tool-1')).toBe(fresh);
    expect(await report(dir, 'tool-1')).toBe(fresh);
    plantMark(dir);
    expect(await report(dir, 'tool-1')).toContain(MARK);
  });

  it('scans a content file again when its text changes', async () => {
    const dir = project();
    await report(dir, 'tool-1');
    plantMark(dir);
    writeFileSync(
      path.join(dir, 'content/plan/x.mdx'),
      '---\ntitle: x\nchapter: 1\n---\n\n前置き。\n\n目標は#7#2時間以内#7#とする。\n\n閉じない #3#担当 のまま。\n',
    );
    const cached = await report(dir, 'tool-1');
    expect(cached).not.toContain(MARK);
    expect(cached).toBe(await report(dir, false));
    // The unclosed marker moved down two lines with the text.
    expect(JSON.parse(cached).problems.map((p: { line: number }) => p.line)).toContain(10);
  });

  it('scans again when a slot value the file uses changes, but not for an answer it does not use', async () => {
    const dir = project();
    await report(dir, 'tool-1');
    plantMark(dir);
    // Slot 2 is used by y.md only: x.mdx may still come from the cache.
    editAnswers(dir, '  2: 総務課の代表窓口', '  2: 総務課の窓口');
    expect(await report(dir, 'tool-1')).toContain(MARK);
    // Slot 7 is used by x.mdx: a new value means a new scan.
    editAnswers(dir, '  7: 2時間以内', '  7: 3時間以内');
    const changed = await report(dir, 'tool-1');
    expect(changed).not.toContain(MARK);
    expect(changed).toBe(await report(dir, false));
    // And without its answer, the missing-answer error.
    plantMark(dir);
    editAnswers(dir, '  7: 3時間以内\n', '');
    const cached = await report(dir, 'tool-1');
    expect(cached).not.toContain(MARK);
    expect(cached).toContain('missing-answer');
    expect(cached).toBe(await report(dir, false));
  });

  it('scans again when the tool changes', async () => {
    const dir = project();
    await report(dir, 'tool-1');
    plantMark(dir);
    const other = await report(dir, 'tool-2');
    expect(other).not.toContain(MARK);
    expect(other).toBe(await report(dir, false));
  });

  it('fingerprints the tool by every file of the bundle', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-tool-'));
    made.push(dir);
    writeFileSync(path.join(dir, 'bcp.js'), 'console.log(1);\n');
    writeFileSync(path.join(dir, 'chunk-A.js'), 'export const a = 1;\n');
    const before = toolFingerprint(dir);
    expect(toolFingerprint(dir)).toBe(before);
    writeFileSync(path.join(dir, 'chunk-A.js'), 'export const a = 2;\n');
    expect(toolFingerprint(dir)).not.toBe(before);
  });

  it('ignores a damaged cache file and writes a good one', async () => {
    const dir = project();
    const fresh = await report(dir, false);
    for (const damage of ['{"format":1,"key":', 'null', '{"format":1,"files":{"content/plan/x.mdx":{"hash":3}}}', '\u0000\u0001']) {
      mkdirSync(path.dirname(path.join(dir, SCAN_CACHE_FILE)), { recursive: true });
      writeFileSync(path.join(dir, SCAN_CACHE_FILE), damage);
      expect(await report(dir, 'tool-1')).toBe(fresh);
      expect(() => JSON.parse(readFileSync(path.join(dir, SCAN_CACHE_FILE), 'utf8'))).not.toThrow();
    }
    // An entry of the right key but the wrong shape is scanned again too.
    const file = path.join(dir, SCAN_CACHE_FILE);
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, unknown> };
    cache.files['content/plan/x.mdx'] = { hash: 'x', consulted: 'no', slots: [], messages: [] };
    writeFileSync(file, JSON.stringify(cache));
    expect(await report(dir, 'tool-1')).toBe(fresh);
  });

  it('is used by the bundled CLI, whose output stays byte for byte that of the sources', async () => {
    const dir = project();
    const bcp = async (entry: string, args: string[]) => {
      try {
        const { stdout, stderr } = await run(process.execPath, [entry, ...args], { cwd: dir, env: { ...process.env, GITHUB_ACTIONS: '' } });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    // What the sources print, in JSON (every problem, located); the text is the same formatter's.
    const source = await bcp(path.join(ROOT, 'src', 'cli', 'bcp.ts'), ['check', '--json']);
    expect(source.code).toBe(1);
    for (const args of [['check'], ['check', '--json']]) {
      const cold = await bcp(CLI_ENTRY, args);
      expect(cold.code).toBe(1);
      if (args.includes('--json')) expect(cold).toEqual(source);
      expect(await bcp(CLI_ENTRY, args)).toEqual(cold); // warm
    }
    // Nothing changed: the report cache answers. Without it, the scan cache answers.
    const report = path.join(dir, REPORT_CACHE_FILE);
    const cache = JSON.parse(readFileSync(report, 'utf8')) as { report: { problems: Array<{ message: string }> } };
    cache.report.problems[0]!.message = MARK;
    writeFileSync(report, JSON.stringify(cache));
    expect((await bcp(CLI_ENTRY, ['check'])).stderr).toContain(MARK);
    rmSync(report);
    plantMark(dir);
    expect((await bcp(CLI_ENTRY, ['check'])).stderr).toContain(MARK);
  });
});

describe('the report cache of bcp check', () => {
  /** The whole report as `bcp check --json` prints it; `tool: false` checks without any cache. */
  async function whole(dir: string, tool: string | false, options: CheckOptions = {}) {
    const result = await checkReport({ ...options, cwd: dir, cache: tool === false ? false : { tool } });
    return JSON.stringify(result);
  }

  function plantReportMark(dir: string) {
    const file = path.join(dir, REPORT_CACHE_FILE);
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { report: { problems: Array<{ message: string }> } };
    expect(cache.report.problems.length).toBeGreaterThan(0);
    for (const problem of cache.report.problems) problem.message = `${MARK}${problem.message}`;
    writeFileSync(file, JSON.stringify(cache));
  }

  /** Checks once to fill the cache, marks it, and shows the mark comes back while nothing changed. */
  async function primed() {
    const dir = project();
    const fresh = await whole(dir, false);
    expect(await whole(dir, 'tool-1')).toBe(fresh);
    plantReportMark(dir);
    expect(await whole(dir, 'tool-1')).toContain(MARK);
    return dir;
  }

  it('checks again when a content file changes', async () => {
    const dir = await primed();
    writeFileSync(path.join(dir, 'content/plan/y.md'), '窓口は#2#総務課#2#です。\n\n未知: #42#何か#42#。\n');
    const after = await whole(dir, 'tool-1');
    expect(after).not.toContain(MARK);
    expect(after).toContain('unknown-slot');
    expect(after).toBe(await whole(dir, false));
  });

  it('checks again when a file is added under content/', async () => {
    const dir = await primed();
    writeFileSync(path.join(dir, 'content/plan/z.md'), '閉じない #5#担当 のまま。\n');
    const after = await whole(dir, 'tool-1');
    expect(after).not.toContain(MARK);
    expect(after).toBe(await whole(dir, false));
    expect(after).toContain('content/plan/z.md');
  });

  it('checks again when the answers change', async () => {
    const dir = await primed();
    editAnswers(dir, '  7: 2時間以内\n', '');
    const after = await whole(dir, 'tool-1');
    expect(after).not.toContain(MARK);
    expect(after).toContain('missing-answer');
    expect(after).toBe(await whole(dir, false));
  });

  it('checks again when the example answers appear', async () => {
    const dir = await primed();
    writeFileSync(path.join(dir, 'answers', 'example.yaml'), EXAMPLE);
    const after = await whole(dir, 'tool-1');
    expect(after).not.toContain(MARK);
    expect(after).toBe(await whole(dir, false));
  });

  it('checks again for another tool, another --today or named paths', async () => {
    const dir = await primed();
    expect(await whole(dir, 'tool-2')).not.toContain(MARK);
    expect(await whole(dir, 'tool-2', { today: '2026-04-01' })).toBe(await whole(dir, false, { today: '2026-04-01' }));
    const named = await whole(dir, 'tool-2', { paths: ['content/plan'] });
    expect(named).not.toContain(MARK);
    expect(named).toBe(await whole(dir, false, { paths: ['content/plan'] }));
  });

  it('ignores a damaged report', async () => {
    const dir = await primed();
    const fresh = await whole(dir, false);
    const file = path.join(dir, REPORT_CACHE_FILE);
    const key = (JSON.parse(readFileSync(file, 'utf8')) as { key: string }).key;
    for (const damage of ['{"key":', 'null', JSON.stringify({ key, report: { tokens: [], problems: [{ line: 'a' }], errorCount: 0, warningCount: 0 } })]) {
      writeFileSync(file, damage);
      expect(await whole(dir, 'tool-1')).toBe(fresh);
    }
  });
});

describe('the source cache of bcp check (glossary, guideline tables)', () => {
  it('keeps the glossary problems while its text is the same, and loads it again when it changes', async () => {
    const dir = project();
    const glossary = path.join(dir, 'content', 'glossary.yaml');
    writeFileSync(glossary, 'terms:\n  - term: [壊れた\n');
    const fresh = await report(dir, false);
    expect(fresh).toContain('content/glossary.yaml');
    expect(await report(dir, 'tool-1')).toBe(fresh);
    const file = path.join(dir, SOURCE_CACHE_FILE);
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { problems: Array<{ message: string }> }> };
    expect(cache.entries.glossary!.problems.length).toBeGreaterThan(0);
    for (const problem of cache.entries.glossary!.problems) problem.message = `${MARK}${problem.message}`;
    writeFileSync(file, JSON.stringify(cache));
    expect(await report(dir, 'tool-1')).toContain(MARK);
    expect(await report(dir, 'tool-2')).not.toContain(MARK);

    writeFileSync(file, JSON.stringify(cache));
    writeFileSync(glossary, 'terms:\n  - term: [まだ壊れた\n');
    const changed = await report(dir, 'tool-1');
    expect(changed).not.toContain(MARK);
    expect(changed).toBe(await report(dir, false));

    writeFileSync(file, '{"tool":"tool-1","entries":{"glossary":{"hash":1,"problems":[{"line":"x"}]}}}');
    expect(await report(dir, 'tool-1')).toBe(await report(dir, false));
  });
});

describe('the source cache for the checklists', () => {
  it('loads them again when a checklist, a plan chapter or a slot value changes', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'content', 'checklists'));
    writeFileSync(path.join(dir, 'content', 'checklists', 'incident.yaml'), 'title: [壊れた\n');
    const file = path.join(dir, SOURCE_CACHE_FILE);
    const plant = () => {
      const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { problems: Array<{ message: string }> }> };
      expect(cache.entries.checklists!.problems.length).toBeGreaterThan(0);
      for (const problem of cache.entries.checklists!.problems) problem.message = `${MARK}${problem.message}`;
      writeFileSync(file, JSON.stringify(cache));
    };
    const changes = [
      () => writeFileSync(path.join(dir, 'content', 'checklists', 'incident.yaml'), 'title: [まだ壊れた\n'),
      () => writeFileSync(path.join(dir, 'content', 'plan', 'w.mdx'), '---\ntitle: w\nchapter: 9\n---\n\n### 9.1 新しい節\n'),
      () => editAnswers(dir, '  7: 2時間以内', '  7: 3時間以内'),
    ];
    await report(dir, 'tool-1');
    for (const change of changes) {
      plant();
      expect(await report(dir, 'tool-1')).toContain(MARK);
      change();
      const after = await report(dir, 'tool-1');
      expect(after).not.toContain(MARK);
      expect(after).toBe(await report(dir, false));
    }
  });
});
