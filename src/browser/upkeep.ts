/**
 * The upkeep status on the day the page is opened. The build wrote the dates
 * (`data-upkeep`) and the status on the build's date; this recomputes the status with
 * the viewer's clock (the date in Japan, as `bcp check` counts), so a copy of the site
 * opened months later is never frozen at its build date.
 */
import { dueState, dueText, todayInJapan } from '../answers/due.ts';

interface UpkeepData {
  items: Array<{ label: string; next: string }>;
}

function stateCell(text: string, strong: boolean): Node {
  if (!strong) return document.createTextNode(text);
  const element = document.createElement('strong');
  element.textContent = text;
  return element;
}

function refresh(root: HTMLElement, today: string): void {
  let data: UpkeepData;
  try {
    data = JSON.parse(root.dataset.upkeep ?? '') as UpkeepData;
  } catch {
    return;
  }
  root.querySelectorAll('[data-upkeep-date]').forEach((node) => (node.textContent = today));
  root.querySelectorAll('[data-upkeep-source]').forEach((node) => (node.textContent = '（この画面を開いた日）'));
  for (const row of root.querySelectorAll<HTMLElement>('[data-upkeep-next]')) {
    const { status, daysLeft } = dueState(row.dataset.upkeepNext!, today);
    row.className = `due-${status}`;
    row.querySelector('[data-upkeep-state]')?.replaceChildren(stateCell(dueText(daysLeft), status !== 'ok'));
  }
  const list = root.querySelector('[data-upkeep-list]');
  if (list) {
    const overdue = data.items.map((item) => ({ ...item, ...dueState(item.next, today) })).filter((item) => item.status === 'overdue');
    list.replaceChildren(
      ...overdue.map((item) => {
        const li = document.createElement('li');
        li.textContent = `${item.label}: 期限 ${item.next}、${dueText(item.daysLeft)}`;
        return li;
      }),
    );
    root.hidden = overdue.length === 0;
  }
}

function run(): void {
  const today = todayInJapan(new Date());
  document.querySelectorAll<HTMLElement>('[data-upkeep]').forEach((root) => refresh(root, today));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
else run();
