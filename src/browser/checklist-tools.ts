/*
 * The incident record's tools that are needed only when asked for: the JSON export, the
 * printable log, the damaged-record download, clearing the record, merging a file back in
 * and reading a record stored by the previous version. checklist.js
 * appends this classic script on first use (issue 15: at most 10 KB of JavaScript up front).
 */
import { damagedKeyPrefix, EXERCISE_LABEL, EXERCISE_QUERY } from '../site/incident-record.ts';
import { download, exportRecord, fileStamp, summaryHtml, type ExportContext } from './incident/export.ts';
import { parseLog } from './incident/log.ts';
import { TOOLS_GLOBAL, type Tools, type ToolsHost } from './incident/tools-api.ts';

const textOf = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function describe(li: HTMLElement): ExportContext['items'][number] {
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

/** An import problem, in the alert box until the next import. */
function warn(host: ToolsHost, text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  host.alert('import', p);
}

/**
 * Damaged records kept aside under this record's key, [key, text]; and the one still under the
 * key itself when the page could not copy it aside (the store then never writes over it).
 */
function damagedRecords(host: ToolsHost): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  let storage: Storage;
  try {
    storage = window.localStorage;
  } catch {
    return found;
  }
  const prefix = damagedKeyPrefix(host.key);
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(prefix)) found.push([name, storage.getItem(name) ?? '']);
  }
  const damaged = host.store.damaged;
  if (damaged && damaged.keptAs === null && storage.getItem(host.key) === damaged.raw) found.push([host.key, damaged.raw]);
  return found.sort();
}

const context = (host: ToolsHost): ExportContext => ({ company: host.company, plan: host.plan, items: host.items.map(describe) });

const tools: Tools = {
  run(action, host) {
    const exercise = host.mode === 'exercise';
    if (action === 'download-json') {
      const name = `${exercise ? 'exercise-record' : 'incident-record'}-${fileStamp()}.json`;
      download(name, 'application/json', `${JSON.stringify(exportRecord(host.store.log, context(host)), null, 2)}\n`);
      host.say('記録を JSON ファイルに保存しました。');
    } else if (action === 'download-summary') {
      const name = `${exercise ? 'exercise-log' : 'incident-log'}-${fileStamp()}.html`;
      download(name, 'text/html', summaryHtml(exportRecord(host.store.log, context(host))));
      host.say('対応記録（印刷用）を保存しました。開いて印刷できます。');
    } else if (action === 'download-damaged') {
      damagedRecords(host).forEach(([, raw], index) => download(`damaged-record-${fileStamp()}-${index + 1}.txt`, 'text/plain', raw));
      host.say('壊れていた記録をファイルに保存しました。');
    } else if (action === 'reset') {
      if (!window.confirm('この記録を消して、最初から始めますか。消す前に保存したいときは「キャンセル」を押してください。')) return;
      const ok = host.saved(host.store.clear());
      host.render();
      if (ok) host.say('記録を消しました。');
    }
  },

  importFile(file, host) {
    file.text().then(
      (text) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          value = undefined;
        }
        const log = parseLog(value, host.mode);
        if (!log) {
          warn(host, `「${file.name}」は対応記録の JSON ファイルとして読めませんでした。「記録を JSON で保存」で作ったファイルを選んでください。`);
          return;
        }
        if (log.mode !== host.mode) {
          warn(
            host,
            log.mode === 'exercise'
              ? `「${file.name}」は${EXERCISE_LABEL}の記録です。実際のインシデントの記録には混ぜません。${EXERCISE_LABEL}モード（?${EXERCISE_QUERY}）のページで読み込んでください。`
              : `「${file.name}」は実際のインシデントの記録です。${EXERCISE_LABEL}の記録には混ぜません。通常の対応チェックリストのページで読み込んでください。`,
          );
          return;
        }
        host.alert('import', null);
        const before = host.store.log.events.length;
        const ok = host.saved(host.store.merge(log.events));
        host.render();
        const added = host.store.log.events.length - before;
        if (ok) host.say(`「${file.name}」を読み込み、${added} 件の記録を合わせました（同じ記録は重ねません）。`);
      },
      () => warn(host, `「${file.name}」を開けませんでした。ファイルを選び直してください。`),
    );
  },

  parseLog,
};

(window as unknown as Record<string, Tools>)[TOOLS_GLOBAL] = tools;
