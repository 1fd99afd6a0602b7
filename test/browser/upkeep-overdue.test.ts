/**
 * Upkeep never blocks a fix: answers whose drill is overdue and whose IT officer has a
 * new phone number pass `bcp check` and `bcp build` with a warning (and a GitHub
 * annotation), the site says so on the home page, the plan and the PDF cover, and only
 * `bcp upkeep` fails. The home page recomputes the status with the viewer's clock.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { A_YEAR_LATER_TODAY as TODAY, NEW_PHONE } from '../fixtures/answers/variants.ts';
import { exampleSite, openBrowser, testSite } from '../site-helpers.ts';
import { FIXTURES, ROOT, bcp as run } from '../helpers.ts';

const exampleFile = path.join(FIXTURES, 'answers', 'example.yaml');
const bcp = (args: string[], env: Record<string, string> = {}) => run(args, { env });

// The example a year on (test/fixtures/answers/variants.ts): education and audit done, the
// drill of 2026 not yet repeated, a new phone; built by test/global-setup.ts.
const { answers: answersFile, dir: site, log } = testSite('aYearLater');
const answersLabel = path.relative(ROOT, answersFile);

const DRILL_WARNING = `警告  \`upkeep.lastDrill\`: 訓練の期限 2027-06-19 を 12 日過ぎています（頻度 年1回、前回 2026-06-19）。訓練を行い、行った日を upkeep.lastDrill に書いてください。  upkeep-overdue`;

describe('an overdue drill with a changed phone number', () => {
  it('bcp check succeeds with one warning at the drill date, and a GitHub warning annotation', async () => {
    const result = await bcp(['check', '--answers', answersFile, '--today', TODAY]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((l) => l.includes('upkeep-overdue'))).toEqual([`${answersLabel}:${lineOf('  lastDrill: 2026-06-19')}:14  ${DRILL_WARNING}`]);
    // Other warnings (answers left as the example's, 見本のまま) are not this test's concern.
    expect(lines.at(-1)).toMatch(/^エラー 0 件、警告 \d+ 件$/);
    const actions = await bcp(['check', '--answers', answersFile, '--today', TODAY], { GITHUB_ACTIONS: 'true' });
    expect(actions.code).toBe(0);
    expect(actions.stdout).toContain(`::warning file=${answersLabel},line=${lineOf('  lastDrill: 2026-06-19')},col=14,title=upkeep-overdue::`);
  });

  it('bcp upkeep fails, listing in Japanese what is overdue and since when', async () => {
    const result = await bcp(['upkeep', '--answers', answersFile, '--today', TODAY]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      '期限を過ぎた見直し・教育・訓練・監査があります（2027-07-01 時点）:',
      '- 訓練: 期限 2027-06-19 から 12 日過ぎています（頻度 年1回、前回 2026-06-19）',
      `行ったら、その日を ${answersLabel} の upkeep に書いてください（見直しは改訂履歴に1件足すことでも数えます）。`,
    ]);
    const before = await bcp(['upkeep', '--answers', answersFile, '--today', '2027-06-19']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout.trim().split('\n').at(-1)).toBe('期限を過ぎた見直し・教育・訓練・監査はありません（2027-06-19 時点）。');
  });

  it('bcp upkeep passes on the example by its own calendar, and rejects a bad date', async () => {
    const result = await bcp(['upkeep', '--answers', exampleFile]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('期限を過ぎた見直し・教育・訓練・監査はありません（2026-11-01 時点、回答の upkeep.asOf の日付）。');
    const bad = await bcp(['upkeep', '--today', '2027-13-01']);
    expect(bad.code).toBe(2);
  });
});

function lineOf(needle: string): number {
  const text = readFileSync(answersFile, 'utf8');
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split('\n').length;
}

describe('the build of those answers', () => {
  it('succeeds with the warning, and publishes the new number', () => {
    expect(log).toContain(`${answersLabel}:${lineOf('  lastDrill: 2026-06-19')}:14  ${DRILL_WARNING}`);
    expect(readFileSync(path.join(site, 'contacts.html'), 'utf8')).toContain(NEW_PHONE);
  });

  const alertOf = (file: string) => {
    const html = readFileSync(path.join(site, file), 'utf8');
    const match = /<div class="upkeep-alert[^"]*" role="status"([^>]*)>([\s\S]*?)<\/div>/.exec(html);
    expect(match, `${file} has the upkeep alert`).not.toBeNull();
    return { hidden: /\shidden/.test(match![1]!), text: match![2]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ') };
  };

  it('shows it at the top of the home page and the plan', () => {
    for (const file of ['index.html', 'plan.html']) {
      const alert = alertOf(file);
      expect(alert.hidden, file).toBe(false);
      expect(alert.text, file).toContain('期限を過ぎた見直し・教育・訓練・監査があります');
      expect(alert.text, file).toContain('訓練: 期限 2027-06-19、期限切れ（12日過ぎ）');
      expect(alert.text, file).not.toContain('従業員教育');
    }
  });

  it('prints it on the PDF cover', () => {
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', path.join(site, 'plan.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(cover).toContain('期限を過ぎた見直し・教育・訓練・監査があります');
    expect(cover).toContain('訓練:期限2027-06-19、期限切れ（12日過ぎ）');
  });
});

describe('the home page in a browser', () => {
  /** The home page of the example site opened from disk with the browser's clock set to `iso`. */
  async function homeAt(iso: string) {
    const browser = await openBrowser();
    try {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument((fixed: number) => {
        const RealDate = Date;
        class FixedDate extends RealDate {
          constructor(...args: unknown[]) {
            if (args.length === 0) super(fixed);
            else super(...(args as [number]));
          }
          static override now() {
            return fixed;
          }
        }
        (window as unknown as { Date: DateConstructor }).Date = FixedDate as DateConstructor;
      }, new Date(iso).getTime());
      await page.goto(pathToFileURL(path.join(exampleSite(), 'index.html')).href, { waitUntil: 'load' });
      return await page.evaluate(() => {
        const alert = document.querySelector<HTMLElement>('.upkeep-alert')!;
        const rows = [...document.querySelectorAll<HTMLTableRowElement>('.upkeep tbody tr')];
        return {
          alertShown: !alert.hidden && alert.offsetHeight > 0,
          alert: alert.textContent!.replace(/\s+/g, ' ').trim(),
          asOf: document.querySelector('.upkeep p')!.textContent!.replace(/\s+/g, ' ').trim(),
          rows: rows.map((row) => `${row.className}: ${row.cells[0]!.textContent} ${row.cells[4]!.textContent}`),
        };
      });
    } finally {
      await browser.close();
    }
  }

  it('without a script, says the status on the build date', () => {
    const html = readFileSync(path.join(exampleSite(), 'index.html'), 'utf8');
    expect(html).toMatch(/<div class="upkeep-alert[^"]*" role="status"[^>]*\shidden/);
    expect(html.replace(/<[^>]+>/g, '')).toContain('2026-11-01 時点（見本の会社の基準日）');
  });

  it('counts from the day it is opened: nothing overdue in January 2027', async () => {
    const home = await homeAt('2027-01-15T03:00:00Z');
    expect(home.alertShown).toBe(false);
    expect(home.asOf).toContain('2027-01-15 時点（この画面を開いた日）');
    expect(home.rows).toEqual(['due-ok: 計画の見直し あと259日', 'due-ok: 従業員教育 あと54日', 'due-ok: 訓練 あと155日', 'due-ok: 内部監査 あと60日']);
  });

  it('and the drill overdue from the day after its date in Japan, though still the 19th in UTC', async () => {
    const home = await homeAt('2027-06-19T15:30:00Z');
    expect(home.alertShown).toBe(true);
    expect(home.alert).toContain('（2027-06-20 時点（この画面を開いた日））');
    expect(home.alert).toContain('訓練: 期限 2027-06-19、期限切れ（1日過ぎ）');
    expect(home.rows).toContain('due-overdue: 訓練 期限切れ（1日過ぎ）');
    expect(home.rows).toContain('due-overdue: 従業員教育 期限切れ（102日過ぎ）');
  });
});
