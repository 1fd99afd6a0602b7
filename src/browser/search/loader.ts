/**
 * Entry of search.js, the only search code every page loads up front: on the first focus,
 * input or submit of a search box it loads the engine (classic scripts, which also load
 * from file://; from a file share the MiniSearch index too) and hands the boxes over.
 */
import { ENGINE_GLOBAL, SEARCH_ENGINE_PATH, SEARCH_INDEX_PATH, SEARCH_TERMS_PATH } from '../../search/paths.ts';

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
  const root = new URL(form.dataset.root || './', location.href);
  form.dataset.state = 'loading';
  const files = [SEARCH_TERMS_PATH, SEARCH_ENGINE_PATH, ...(location.protocol === 'file:' ? [SEARCH_INDEX_PATH] : [])];
  loading = Promise.all(files.map((file) => script(new URL(file, root).href)))
    .then(() => (globalThis as unknown as Record<string, { attach(root: URL): Promise<void> }>)[ENGINE_GLOBAL]!.attach(root))
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
    input.addEventListener('focus', () => load(form), { once: true });
    input.addEventListener('input', () => load(form), { once: true });
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
