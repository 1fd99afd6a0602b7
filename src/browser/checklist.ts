/*
 * The incident record behind checklists/incident.html, bundled into a classic script
 * (module scripts do not run from file://, and the site must work from a file share).
 *
 * Every tick, untick, note and field edit is an event appended to a log in this
 * browser's localStorage (nothing is sent anywhere). Tabs merge their logs, text is
 * saved while it is typed, and a failed save or a damaged record stays on screen with
 * what to do. `?mode=exercise` keeps a rehearsal apart, under its own key.
 */
import { EXERCISE_LABEL, EXERCISE_QUERY, recordKey, type RecordEvent, type RecordMode } from '../site/incident-record.ts';
import { download, exportRecord, fileStamp, localTime, summaryHtml, type ExportContext } from './incident/export.ts';
import { fold, newId, parseLog, type State } from './incident/log.ts';
import { openStorage, openStore, type SaveResult } from './incident/store.ts';

const TYPING_DELAY_MS = 400;

function start(panel: HTMLElement): void {
  const mode: RecordMode = new URLSearchParams(location.search).get('mode') === EXERCISE_QUERY.split('=')[1] ? 'exercise' : 'incident';
  const company = panel.dataset.company ?? '';
  const key = recordKey(company, mode);
  const tab = newId();
  let counter = 0;

  const status = panel.querySelector<HTMLElement>('[data-record-status]');
  const alertBox = panel.querySelector<HTMLElement>('[data-record-alert]');
  const timeline = document.querySelector<HTMLOListElement>('[data-record-timeline]');
  const items = Array.from(document.querySelectorAll<HTMLElement>('[data-item]'));
  const fields = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-field]'));

  if (mode === 'exercise') {
    document.documentElement.classList.add('exercise-mode');
    document.title = `【${EXERCISE_LABEL}】${document.title}`;
    for (const el of document.querySelectorAll<HTMLElement>('[data-exercise-only]')) el.hidden = false;
  }

  const storage = openStorage(key);
  const store = openStore(storage, key, mode);
  let state: State = fold(store.log.events);

  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  /** A problem that stays until it is solved, with buttons for what to do. */
  function warn(kind: string, text: string, actions: Array<[string, string]> = []): void {
    if (!alertBox) return;
    let box = alertBox.querySelector<HTMLElement>(`[data-alert="${kind}"]`);
    if (!box) {
      box = document.createElement('div');
      box.dataset.alert = kind;
      alertBox.appendChild(box);
    }
    box.textContent = '';
    const p = document.createElement('p');
    p.textContent = text;
    box.appendChild(p);
    for (const [action, label] of actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.action = action;
      button.textContent = label;
      box.appendChild(button);
    }
    alertBox.hidden = false;
  }

  function unwarn(kind: string): void {
    alertBox?.querySelector(`[data-alert="${kind}"]`)?.remove();
    if (alertBox && alertBox.children.length === 0) alertBox.hidden = true;
  }

  const SAVE_ACTIONS: Array<[string, string]> = [['download-json', '今すぐ記録を JSON で保存']];
  let saveFailed = false;

  /** Shows the outcome of a save; true when the record is safely in storage. */
  function saved(result: SaveResult): boolean {
    if (result.ok) {
      if (saveFailed) {
        unwarn('save');
        say('ブラウザへの保存がまたできるようになりました。');
      }
      saveFailed = false;
      return true;
    }
    saveFailed = true;
    const why =
      result.reason === 'quota'
        ? 'ブラウザの保存領域がいっぱいで、'
        : result.reason === 'damaged'
          ? '壊れた記録を別に保管できなかったため、上書きしないように'
          : 'このブラウザでは保存が許可されておらず、';
    warn(
      'save',
      `${why}記録をブラウザに保存できていません。画面の記録は閉じると消えます。今すぐ「記録を JSON で保存」でファイルに残してください。`,
      SAVE_ACTIONS,
    );
    return false;
  }

  function describe(li: HTMLElement): ExportContext['items'][number] {
    const textOf = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const role = li.querySelector('.role');
    return {
      id: li.dataset.item ?? '',
      phase: textOf(li.closest('.phase')?.querySelector('h2'))
        .replace(/計画 .*$/, '')
        .trim(),
      text: textOf(li.querySelector('.text')),
      role: role ? textOf(role).replace(/^担当:\s*/, '') : '',
    };
  }

  const context = (): ExportContext => ({ company, plan: panel.dataset.plan ?? '', items: items.map(describe) });

  function event(fields: Omit<RecordEvent, 'id' | 'at' | 'tab'>): RecordEvent {
    counter += 1;
    return { id: `${tab}-${counter}`, at: new Date().toISOString(), tab, ...fields };
  }

  // Text being typed, not yet an event: [element, make-event].
  const typing = new Map<HTMLInputElement | HTMLTextAreaElement, { timer: number; make: () => RecordEvent | null }>();

  function flush(): void {
    const events: RecordEvent[] = [];
    for (const [, entry] of typing) {
      window.clearTimeout(entry.timer);
      const made = entry.make();
      if (made) events.push(made);
    }
    typing.clear();
    if (events.length > 0) commit(events);
  }

  function typed(input: HTMLInputElement | HTMLTextAreaElement, make: () => RecordEvent | null): void {
    const entry = typing.get(input);
    if (entry) window.clearTimeout(entry.timer);
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
        li.append(time, ` ${e.type === 'uncheck' ? '取り消し: ' : ''}${e.value ?? ''}`);
        timeline.appendChild(li);
      }
    }
  }

  for (const li of items) {
    const id = li.dataset.item ?? '';
    const box = li.querySelector<HTMLInputElement>('input[type="checkbox"]');
    const note = li.querySelector<HTMLInputElement>('[data-note]');
    box?.addEventListener('change', () => {
      const text = describe(li).text;
      const made = event({ type: box.checked ? 'check' : 'uncheck', item: id, value: text });
      if (commit([made])) say(made.type === 'check' ? `${localTime(made.at)} に記録しました: ${text}` : 'チェックを外しました（経過には残ります）。');
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
      const parsed = parseLog({ ...store.log, events: data.events }, mode);
      if (parsed) {
        store.merge(parsed.events);
        render();
      }
    };
  }
  window.addEventListener('storage', (e) => {
    if (e.key === key && store.refresh()) render();
  });

  function exportJson(): void {
    const name = `${mode === 'exercise' ? 'exercise-record' : 'incident-record'}-${fileStamp()}.json`;
    download(name, 'application/json', `${JSON.stringify(exportRecord(store.log, context()), null, 2)}\n`);
  }

  function importFile(file: File): void {
    file.text().then(
      (text) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          value = undefined;
        }
        const log = parseLog(value, mode);
        if (!log) {
          warn('import', `「${file.name}」は対応記録の JSON ファイルとして読めませんでした。「記録を JSON で保存」で作ったファイルを選んでください。`);
          return;
        }
        if (log.mode !== mode) {
          warn(
            'import',
            log.mode === 'exercise'
              ? `「${file.name}」は${EXERCISE_LABEL}の記録です。実際のインシデントの記録には混ぜません。${EXERCISE_LABEL}モード（?${EXERCISE_QUERY}）のページで読み込んでください。`
              : `「${file.name}」は実際のインシデントの記録です。${EXERCISE_LABEL}の記録には混ぜません。通常の対応チェックリストのページで読み込んでください。`,
          );
          return;
        }
        unwarn('import');
        const before = store.log.events.length;
        const ok = saved(store.merge(log.events));
        render();
        const added = store.log.events.length - before;
        if (ok) say(`「${file.name}」を読み込み、${added} 件の記録を合わせました（同じ記録は重ねません）。`);
      },
      () => warn('import', `「${file.name}」を開けませんでした。ファイルを選び直してください。`),
    );
  }

  panel.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    if (!input.matches('[data-import]') || !input.files?.[0]) return;
    importFile(input.files[0]);
    input.value = '';
  });

  panel.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLElement>('[data-action]');
    if (!button) return;
    flush();
    const action = button.dataset.action;
    if (action === 'download-json') {
      exportJson();
      say('記録を JSON ファイルに保存しました。');
    } else if (action === 'download-summary') {
      const name = `${mode === 'exercise' ? 'exercise-log' : 'incident-log'}-${fileStamp()}.html`;
      download(name, 'text/html', summaryHtml(exportRecord(store.log, context())));
      say('対応記録（印刷用）を保存しました。開いて印刷できます。');
    } else if (action === 'download-damaged') {
      store.damagedRecords().forEach(([name, raw], index) => {
        download(`damaged-record-${fileStamp()}-${index + 1}.txt`, 'text/plain', raw);
        void name;
      });
      say('壊れていた記録をファイルに保存しました。');
    } else if (action === 'print') {
      window.print();
    } else if (action === 'reset') {
      if (!window.confirm('この記録を消して、最初から始めますか。消す前に保存したいときは「キャンセル」を押してください。')) return;
      const ok = saved(store.clear());
      render();
      if (ok) say('記録を消しました。');
    }
  });

  render();
  if (store.damaged) {
    warn(
      'damaged',
      store.damaged.keptAs
        ? '保存されていた記録が壊れていて読めませんでした。壊れた記録は消さずに別に保管してあります。「壊れた記録をダウンロード」でファイルにし、IT 担当に渡してください。ここからは新しい記録を始めます。'
        : '保存されていた記録が壊れていて読めませんでした。上書きしないように、この画面の記録はブラウザに保存しません。「壊れた記録をダウンロード」と「記録を JSON で保存」でファイルに残してください。',
      [['download-damaged', '壊れた記録をダウンロード'], ...SAVE_ACTIONS],
    );
  } else if (store.damagedRecords().length > 0) {
    warn('damaged', '以前に読めなかった記録が、このブラウザに保管されています。「壊れた記録をダウンロード」でファイルにできます。', [
      ['download-damaged', '壊れた記録をダウンロード'],
    ]);
  }
  if (!storage) saved({ ok: false, reason: 'refused' });
  else if (store.log.events.length > 0) say(`前回の記録（${localTime(store.log.createdAt)} 開始）を読み込みました。`);
}

const panel = document.querySelector<HTMLElement>('[data-incident-record]');
if (panel) start(panel);
