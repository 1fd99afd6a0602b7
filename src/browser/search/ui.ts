/**
 * The results panel under the search box (Base.astro: form[data-bcp-search], data-root =
 * path to the site root): title, section, a snippet with the match marked, built from text
 * nodes only; ↑/↓ move between results, Escape clears.
 */
import type { Result, Search } from './engine.ts';

function el(tag: string, className = '', text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render(form: HTMLFormElement, panel: HTMLElement, query: string, results: Result[]): void {
  const base = new URL(form.dataset.root || './', location.href);
  panel.textContent = '';
  panel.dataset.query = query;
  const status = results.length > 0 ? `「${query}」: ${results.length} 件` : `「${query}」に合うページはありません。言い換えるか、短くしてみてください。`;
  panel.appendChild(el('p', 'search-status', status));
  if (results.length > 0) {
    const list = el('ol', 'search-list');
    for (const r of results) {
      const li = el('li');
      const a = el('a') as HTMLAnchorElement;
      a.href = new URL(r.url, base).href;
      a.appendChild(el('strong', '', r.title));
      if (r.section) a.appendChild(el('span', 'search-section', ` › ${r.section}`));
      li.appendChild(a);
      const p = el('p', 'search-excerpt');
      for (const part of r.excerpt) p.appendChild(part.mark ? el('mark', '', part.text) : document.createTextNode(part.text));
      li.appendChild(p);
      list.appendChild(li);
    }
    panel.appendChild(list);
  }
  panel.hidden = false;
  form.dataset.state = 'done';
}

/** Connects one search box; `data-state` is 'done' once the results shown are the box's query. */
export function attachBox(form: HTMLFormElement, search: Search): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = form.querySelector<HTMLElement>('[data-search-results]');
  if (!input || !panel || form.dataset.attached) return;
  form.dataset.attached = '1';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const run = async () => {
    clearTimeout(timer);
    const query = input.value.trim();
    const turn = ++latest;
    if (!query) {
      panel.hidden = true;
      panel.textContent = '';
      delete form.dataset.state;
      return;
    }
    const results = await search(query);
    if (turn === latest) render(form, panel, query, results);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    form.dataset.state = 'searching';
    timer = setTimeout(run, 120);
  });
  form.addEventListener('keydown', (event) => {
    const links = [...panel.querySelectorAll<HTMLAnchorElement>('.search-list a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (links.length === 0 || panel.hidden) return;
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)]!.focus();
    } else if (event.key === 'Escape') {
      input.value = '';
      input.focus();
      void run();
    }
  });
  // A click elsewhere closes the results; coming back to the box shows them again.
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) panel.hidden = true;
  });
  input.addEventListener('focus', () => {
    if (panel.childNodes.length > 0 && input.value.trim()) panel.hidden = false;
  });
  if (input.value.trim()) void run();
}
