/**
 * The overview of a multi-plan build: `index.html` and `overview.csv` at the top of the
 * output, one row per plan. Internal only: the public build never writes it (it names every
 * plan's company), and it sits outside every plan's own folder, so no plan's site holds it.
 */
import { upkeepSchedule } from '../answers/due.ts';
import { compareVersions } from '../answers/rules/revisions.ts';
import { NOT_YET_ASSESSED, type Answers } from '../answers/schema.ts';
import { csvField } from '../guidelines/csv.ts';
import type { AutomotiveTable } from '../guidelines/schema.ts';
import { scoreSheet } from '../guidelines/score.ts';

export interface PlanRow {
  id: string;
  company: string;
  version: string;
  date: string;
  overdue: string[];
  soon: string[];
  errors: number;
  warnings: number;
  unassessed: number;
  bad: number;
  /** `Lv1` → "points/max". */
  levels: Record<string, string>;
  lastDrill: string;
  /** Whether `dist/<id>/` was built in this run. */
  built: boolean;
}

export const LEVELS = ['Lv1', 'Lv2', 'Lv3'] as const;

export function planRow(
  id: string,
  answers: Answers | undefined,
  counts: { errors: number; warnings: number },
  today: string,
  automotive: AutomotiveTable | undefined,
  built: boolean,
): PlanRow {
  const row: PlanRow = {
    id,
    company: '',
    version: '',
    date: '',
    overdue: [],
    soon: [],
    errors: counts.errors,
    warnings: counts.warnings,
    unassessed: 0,
    bad: 0,
    levels: {},
    lastDrill: '',
    built,
  };
  if (!answers) return row;
  const newest = [...answers.revisions].sort((a, b) => compareVersions(a.version, b.version)).at(-1);
  const schedule = upkeepSchedule(answers, today);
  const results = Object.values(answers.threats ?? {}).map((t) => t?.result);
  row.company = answers.company.name;
  row.version = newest?.version ?? '';
  row.date = newest?.date ?? '';
  row.overdue = schedule.filter((i) => i.status === 'overdue').map((i) => i.label);
  row.soon = schedule.filter((i) => i.status === 'soon').map((i) => i.label);
  // An entry the file does not mention has not been assessed either.
  row.unassessed = 13 - results.length + results.filter((r) => r === NOT_YET_ASSESSED).length;
  row.bad = results.filter((r) => r === 'BAD').length;
  row.lastDrill = answers.upkeep?.lastDrill ?? '';
  if (automotive) {
    for (const level of scoreSheet(automotive, answers, today).levels) row.levels[level.level] = `${level.points}/${level.max}`;
  }
  return row;
}

const HEADER = [
  '計画',
  '会社・拠点',
  '版',
  '改訂日',
  '期限切れ',
  'もうすぐ期限',
  'エラー',
  '警告',
  '未評価の入口',
  'BAD の入口',
  ...LEVELS.map((l) => `自動車 ${l}`),
  '最後の訓練',
];

function cells(row: PlanRow): (string | number)[] {
  return [
    row.id,
    row.company,
    row.version,
    row.date,
    row.overdue.join('、'),
    row.soon.join('、'),
    row.errors,
    row.warnings,
    row.unassessed,
    row.bad,
    ...LEVELS.map((l) => row.levels[l] ?? ''),
    row.lastDrill,
  ];
}

/** UTF-8 with a BOM so Excel opens it in Japanese; CRLF line ends. */
export function overviewCsv(rows: readonly PlanRow[]): string {
  return `\uFEFF${[HEADER, ...rows.map(cells)].map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const escape = (text: string | number) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Sorts the table by the clicked column (numbers as numbers, the rest as text); a second click reverses. */
const SORT_SCRIPT = `document.querySelectorAll('th button').forEach(function (b, i) {
  b.addEventListener('click', function () {
    var body = document.querySelector('tbody'), rows = Array.prototype.slice.call(body.rows);
    var th = b.parentNode, up = th.getAttribute('aria-sort') !== 'ascending';
    document.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
    var key = function (r) { var v = r.cells[i].getAttribute('data-sort') || r.cells[i].textContent; return v; };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
      var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'ja');
      return up ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});`;

export function overviewHtml(rows: readonly PlanRow[], today: string): string {
  const body = rows
    .map((row) => {
      const values = cells(row);
      const tds = values.map((value, i) => {
        if (i === 0) return `<td>${row.built ? `<a href="${encodeURIComponent(row.id)}/index.html">${escape(row.id)}</a>` : escape(row.id)}</td>`;
        // Sort the due columns by how many items they list.
        const sort = i === 4 ? row.overdue.length : i === 5 ? row.soon.length : undefined;
        const flag = (i === 4 && row.overdue.length > 0) || (i === 6 && row.errors > 0) || (i === 9 && row.bad > 0) ? ' class="alert"' : '';
        return `<td${sort === undefined ? '' : ` data-sort="${sort}"`}${flag}>${escape(value)}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>計画の一覧（社内用）</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
td.alert { background: #fde2e1; }
</style>
</head>
<body>
<h1>計画の一覧（社内用）</h1>
<p>${escape(today)} 時点。${rows.length} 件の計画。見出しを押すと並べ替えます。この一覧は社内用で、公開版には作りません。CSV: <a href="overview.csv">overview.csv</a></p>
<table>
<thead><tr>${HEADER.map((h) => `<th scope="col"><button type="button">${escape(h)}</button></th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<script>
${SORT_SCRIPT}
</script>
</body>
</html>
`;
}
