/*
 * The incident record behind checklists/incident.html, bundled into a classic script
 * (module scripts do not run from file://, and the site must work from a file share).
 *
 * Every tick, untick, note and field edit is an event appended to a log in this
 * browser's localStorage (nothing is sent anywhere). Tabs merge their logs, text is
 * saved while it is typed, and a failed save or a damaged record stays on screen with
 * what to do. `?mode=exercise` keeps a rehearsal apart, under its own key.
 *
 * Export, import and the printable log live in checklist-tools.js, appended on first use
 * (and as soon as a notice offers a download), to keep this script within issue 15's
 * 10 KB of JavaScript up front.
 */
import { damagedKeyPrefix, EXERCISE_LABEL, EXERCISE_QUERY, recordKey, type RecordEvent, type RecordMode } from '../site/incident-record.ts';
import { localTime } from './incident/export.ts';
import { fold, newId, parseCurrent, type State } from './incident/log.ts';
import { openStorage, openStore, type Parse, type SaveResult } from './incident/store.ts';
import { TOOLS_DATA_ID, TOOLS_GLOBAL, TOOLS_SCRIPT, type Tools, type ToolsHost } from './incident/tools-api.ts';

// Read while this script runs: the tools script sits next to it, wherever the site is (a share, a server).
const SCRIPT_URL = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
let loading: Promise<Tools> | null = null;

/** The tools script, appended once; after a failed load the next call tries again. */
function loadTools(): Promise<Tools> {
  loading ??= new Promise<Tools>((resolve, reject) => {
    const script = document.createElement('script');
    // The one-file offline edition (plan-offline.html) carries the tools as JSON data: run in place of the file.
    const carried = document.getElementById(TOOLS_DATA_ID);
    if (carried) script.text = JSON.parse(carried.textContent!) as string;
    else script.src = new URL(TOOLS_SCRIPT, SCRIPT_URL).href;
    script.onload = () => {
      const loaded = (window as unknown as Record<string, Tools | undefined>)[TOOLS_GLOBAL];
      if (loaded) resolve(loaded);
      else reject();
    };
    script.onerror = () => {
      script.remove();
      loading = null;
      reject();
    };
    document.head.appendChild(script);
    // An inline script has run once appended, and fires no load event.
    if (carried) script.onload(new Event('load'));
  });
  return loading;
}

const TYPING_DELAY_MS = 400;

function start(panel: HTMLElement, mode: RecordMode, key: string, parse?: Parse): void {
  const company = panel.dataset.company ?? '';
  const tab = newId();
  let counter = 0;

  const status = panel.querySelector<HTMLElement>('[data-record-status]');
  const alertBox = panel.querySelector<HTMLElement>('[data-record-alert]');
  const timeline = document.querySelector<HTMLOListElement>('[data-record-timeline]');
  const items = [...document.querySelectorAll<HTMLElement>('[data-item]')];
  const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-field]')];

  if (mode === 'exercise') {
    document.documentElement.classList.add('exercise-mode');
    document.title = `【${EXERCISE_LABEL}】${document.title}`;
    for (const el of document.querySelectorAll<HTMLElement>('[data-exercise-only]')) el.hidden = false;
  }

  const storage = openStorage(key);
  const store = openStore(storage, key, mode, parse);
  let state: State = fold(store.log.events);

  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  /** Puts a notice in the alert box as `kind` (replacing an earlier one), or takes it away (null). */
  function setAlert(kind: string, content: Node | null): void {
    if (!alertBox) return;
    alertBox.querySelector(`[data-alert="${kind}"]`)?.remove();
    if (content) {
      const box = document.createElement('div');
      box.dataset.alert = kind;
      box.appendChild(content);
      alertBox.appendChild(box);
      // The save and damaged notices offer downloads: fetch the tools now, while the site folder is still reachable.
      if (kind !== 'tools') void tools().catch(() => undefined);
    }
    alertBox.hidden = alertBox.children.length === 0;
  }

  /** A text of the page's templates (data-notice: a problem with its buttons; data-message: a status line), kept out of this script's bytes. */
  const template = (name: string) => panel.querySelector<HTMLTemplateElement>(`template[data-notice="${name}"],template[data-message="${name}"]`)?.content;
  const notice = (name: string) => (template(name)?.cloneNode(true) as Node | undefined) ?? null;
  const message = (name: string) => template(name)?.textContent ?? '';

  let saveFailed = false;

  /** Shows the outcome of a save; true when the record is safely in storage. */
  function saved(result: SaveResult): boolean {
    if (result.ok) {
      if (saveFailed) {
        setAlert('save', null);
        say(message('saved-again'));
      }
      saveFailed = false;
      return true;
    }
    saveFailed = true;
    setAlert('save', notice(`save-${result.reason}`));
    return false;
  }

  const itemText = (li: HTMLElement) => (li.querySelector('.text')?.textContent ?? '').replace(/\s+/g, ' ').trim();

  function event(fields: Omit<RecordEvent, 'id' | 'at' | 'tab'>): RecordEvent {
    counter += 1;
    return { id: `${tab}-${counter}`, at: new Date().toISOString(), tab, ...fields };
  }

  // Text being typed, not yet an event: [element, make-event].
  const typing = new Map<HTMLInputElement | HTMLTextAreaElement, { timer: number; make: () => RecordEvent | null }>();

  function flush(): void {
    const events: RecordEvent[] = [];
    for (const [, entry] of typing) {
      clearTimeout(entry.timer);
      const made = entry.make();
      if (made) events.push(made);
    }
    typing.clear();
    if (events.length > 0) commit(events);
  }

  function typed(input: HTMLInputElement | HTMLTextAreaElement, make: () => RecordEvent | null): void {
    const entry = typing.get(input);
    if (entry) clearTimeout(entry.timer);
    typing.set(input, { timer: window.setTimeout(flush, TYPING_DELAY_MS), make });
  }

  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(key);
  } catch {
    channel = null;
  }

  function commit(events: RecordEvent[]): boolean {
    const ok = saved(store.add(events));
    try {
      channel?.postMessage({ recordId: store.log.recordId, events });
    } catch {
      /* another tab still catches up through the storage event */
    }
    render();
    return ok;
  }

  function render(): void {
    state = fold(store.log.events);
    for (const li of items) {
      const id = li.dataset.item ?? '';
      const s = state.items[id] ?? {};
      const box = li.querySelector<HTMLInputElement>('input[type="checkbox"]');
      const stamp = li.querySelector<HTMLTimeElement>('[data-stamp]');
      const note = li.querySelector<HTMLInputElement>('[data-note]');
      if (box) box.checked = Boolean(s.checkedAt);
      if (stamp) {
        stamp.textContent = s.checkedAt ? localTime(s.checkedAt) : '';
        if (s.checkedAt) stamp.setAttribute('datetime', s.checkedAt);
        else stamp.removeAttribute('datetime');
      }
      // Never replace what someone is typing right now.
      if (note && !typing.has(note) && document.activeElement !== note) note.value = s.note ?? '';
    }
    for (const field of fields) {
      if (!typing.has(field) && document.activeElement !== field) field.value = state.fields[field.dataset.field ?? ''] ?? '';
    }
    if (timeline) {
      timeline.textContent = '';
      for (const e of store.log.events) {
        if (e.type !== 'check' && e.type !== 'uncheck') continue;
        const li = document.createElement('li');
        const time = document.createElement('time');
        time.setAttribute('datetime', e.at);
        time.textContent = localTime(e.at);
        li.append(time, ` ${e.type === 'uncheck' ? `${message('undone')} ` : ''}${e.value ?? ''}`);
        timeline.appendChild(li);
      }
    }
  }

  for (const li of items) {
    const id = li.dataset.item ?? '';
    const box = li.querySelector<HTMLInputElement>('input[type="checkbox"]');
    const note = li.querySelector<HTMLInputElement>('[data-note]');
    box?.addEventListener('change', () => {
      const text = itemText(li);
      const made = event({ type: box.checked ? 'check' : 'uncheck', item: id, value: text });
      if (commit([made])) say(made.type === 'check' ? `${localTime(made.at)} ${message('checked')} ${text}` : message('unchecked'));
      else say('');
    });
    if (note) {
      const make = () => (note.value === (state.items[id]?.note ?? '') ? null : event({ type: 'note', item: id, value: note.value }));
      note.addEventListener('input', () => typed(note, make));
      note.addEventListener('change', flush);
    }
  }

  for (const field of fields) {
    const name = field.dataset.field ?? '';
    const make = () => (field.value === (state.fields[name] ?? '') ? null : event({ type: 'field', field: name, value: field.value }));
    field.addEventListener('input', () => typed(field, make));
    field.addEventListener('change', flush);
  }

  // Leaving or hiding the page writes what is being typed (a reload must not lose it).
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });

  // Other tabs: their events arrive by message and by the storage event; both merge, never replace.
  if (channel) {
    channel.onmessage = (message: MessageEvent<{ recordId?: string; events?: unknown }>) => {
      const data = message.data;
      if (data.recordId !== store.log.recordId || !Array.isArray(data.events)) return;
      const parsed = parseCurrent({ ...store.log, events: data.events }, mode);
      if (parsed) {
        store.merge(parsed.events);
        render();
      }
    };
  }
  window.addEventListener('storage', (e) => {
    if (e.key === key && store.refresh()) render();
  });

  const host: ToolsHost = { mode, key, company, plan: panel.dataset.plan ?? '', store, items, alert: setAlert, saved, render, say };
  /** The tools, or a notice that they did not load (with a way to keep the record all the same). */
  function tools(): Promise<Tools> {
    return loadTools().then(
      (loaded) => {
        setAlert('tools', null);
        return loaded;
      },
      (error: unknown) => {
        setAlert('tools', notice('tools'));
        throw error;
      },
    );
  }

  const withTools = (use: (loaded: Tools) => void) => void tools().then(use, () => undefined);

  panel.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    if (!input.matches('[data-import]') || !input.files?.[0]) return;
    const file = input.files[0];
    input.value = '';
    withTools((loaded) => loaded.importFile(file, host));
  });

  panel.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLElement>('[data-action]');
    if (!button) return;
    flush();
    const action = button.dataset.action ?? '';
    if (action === 'print') window.print();
    else if (action === 'download-raw') {
      // The tools did not load: the log as stored, which the import reads back (never lose the record).
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([JSON.stringify(store.log)]));
      a.download = `${mode}-record.json`;
      a.click();
    }
    // The rest (the downloads, clearing the record) is checklist-tools.js's work.
    else withTools((loaded) => loaded.run(action, host));
  });

  render();
  if (store.damaged) setAlert('damaged', notice(store.damaged.keptAs ? 'damaged-kept' : 'damaged-blocked'));
  else if (storage && Object.keys(storage).some((name) => name.startsWith(damagedKeyPrefix(key)))) setAlert('damaged', notice('damaged-earlier'));
  if (!storage) saved({ ok: false, reason: 'refused' });
  else if (store.log.events.length > 0) say(message('loaded').replace('#', localTime(store.log.createdAt)));
}

const panel = document.querySelector<HTMLElement>('[data-incident-record]');
if (panel) {
  const mode: RecordMode = new URLSearchParams(location.search).get('mode') === EXERCISE_QUERY.split('=')[1] ? 'exercise' : 'incident';
  const key = recordKey(panel.dataset.company ?? '', mode);
  let old = false;
  try {
    // Inside a JSON string every quote is escaped, so this matches a key only (a false match just loads the tools).
    old = /"version":1[,}]/.test(localStorage.getItem(key) ?? '');
  } catch {
    /* refused: start() reports it */
  }
  // A record saved by the previous version is upgraded by the tools; without them it is kept aside as damaged, not lost.
  if (old)
    loadTools().then(
      (loaded) => start(panel, mode, key, loaded.parseLog),
      () => start(panel, mode, key),
    );
  else start(panel, mode, key);
}
