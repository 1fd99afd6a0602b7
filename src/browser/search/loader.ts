/**
 * Entry of search.js, the only search code every page loads up front: it waits for a
 * search box to be focused, typed into or submitted, then loads the index and the engine
 * (two classic scripts, which also load from file://) and hands the box over.
 */
import { SEARCH_ENGINE_PATH, SEARCH_INDEX_PATH } from '../../search/format.ts';
import { loadedApi } from './globals.ts';

let loading: Promise<void> | undefined;

function script(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(src));
    document.head.appendChild(s);
  });
}

function load(form: HTMLFormElement): void {
  if (loading) return;
  const base = new URL(form.dataset.root || './', location.href);
  form.dataset.state = 'loading';
  loading = Promise.all([script(new URL(SEARCH_INDEX_PATH, base).href), script(new URL(SEARCH_ENGINE_PATH, base).href)])
    .then(() => {
      const api = loadedApi();
      if (!api) throw new Error(SEARCH_ENGINE_PATH);
      api.attach();
    })
    .catch(() => {
      const panel = form.querySelector<HTMLElement>('[data-search-results]');
      if (panel) {
        panel.textContent = '検索を読み込めませんでした。目次からページを開いてください。';
        panel.hidden = false;
      }
      form.dataset.state = 'error';
    });
}

function start(): void {
  const query = new URLSearchParams(location.search).get('q');
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-bcp-search]')) {
    const input = form.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) continue;
    const first = () => load(form);
    input.addEventListener('focus', first, { once: true });
    input.addEventListener('input', first, { once: true });
    // Until the engine is there, Enter must not reload the page; the engine answers once loaded.
    form.addEventListener('submit', (event) => {
      if (!form.dataset.attached) {
        event.preventDefault();
        load(form);
      }
    });
    if (query) {
      input.value = query;
      load(form);
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
