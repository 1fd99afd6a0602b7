// @ts-nocheck -- plain JavaScript moved from public/; to be typed.
/*
 * The incident record behind checklists/incident.html. A classic script (not a module):
 * module scripts do not run from file://, and the site must work from a file share.
 *
 * Ticking an item stamps the time; the record lives in this browser's localStorage only
 * (nothing is sent anywhere) and downloads as JSON and as a printable HTML log.
 */
(function () {
  'use strict';

  var panel = document.querySelector('[data-incident-record]');
  if (!panel) return;

  var KEY = panel.getAttribute('data-record-key') || 'bcp-incident-record';
  var FORMAT = 'bcp-incident-record';
  var status = panel.querySelector('[data-record-status]');
  var timeline = document.querySelector('[data-record-timeline]');
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-item]'));
  var fields = Array.prototype.slice.call(panel.querySelectorAll('[data-field]'));

  // localStorage can be missing or refused (some file:// setups, private windows): keep
  // the record in memory then, and say so, so that nobody relies on it surviving a reload.
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(KEY + ':probe', '1');
    storage.removeItem(KEY + ':probe');
  } catch (e) {
    storage = null;
  }

  function emptyRecord() {
    var now = new Date().toISOString();
    return { format: FORMAT, version: 1, createdAt: now, updatedAt: now, fields: {}, items: {}, events: [] };
  }

  function load() {
    if (!storage) return emptyRecord();
    try {
      var saved = JSON.parse(storage.getItem(KEY) || 'null');
      if (saved && saved.format === FORMAT && saved.items && saved.events) return saved;
    } catch (e) {
      /* a damaged record starts over rather than breaking the page */
    }
    return emptyRecord();
  }

  var record = load();

  function save() {
    record.updatedAt = new Date().toISOString();
    if (!storage) return;
    try {
      storage.setItem(KEY, JSON.stringify(record));
    } catch (e) {
      say('ブラウザに保存できませんでした。「記録を JSON で保存」でファイルに残してください。');
    }
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** 2026-05-12 09:40 in local time: what people write on paper. */
  function localTime(iso) {
    var d = new Date(iso);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  function textOf(el) {
    return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  /** What an item says, who does it and which phase it belongs to, read from the page. */
  function describe(li) {
    var phase = li.closest('.phase');
    var role = li.querySelector('.role');
    return {
      id: li.getAttribute('data-item'),
      phase: phase ? textOf(phase.querySelector('h2')).replace(/計画 .*$/, '').trim() : '',
      text: textOf(li.querySelector('.text')),
      role: role ? textOf(role).replace(/^担当:\s*/, '') : '',
    };
  }

  function itemState(id) {
    if (!record.items[id]) record.items[id] = {};
    return record.items[id];
  }

  function show(li) {
    var state = record.items[li.getAttribute('data-item')] || {};
    var box = li.querySelector('input[type="checkbox"]');
    var stamp = li.querySelector('[data-stamp]');
    var note = li.querySelector('[data-note]');
    box.checked = Boolean(state.checkedAt);
    if (stamp) {
      stamp.textContent = state.checkedAt ? localTime(state.checkedAt) : '';
      if (state.checkedAt) stamp.setAttribute('datetime', state.checkedAt);
      else stamp.removeAttribute('datetime');
    }
    if (note && document.activeElement !== note) note.value = state.note || '';
  }

  function showTimeline() {
    if (!timeline) return;
    timeline.textContent = '';
    record.events.forEach(function (event) {
      var li = document.createElement('li');
      var time = document.createElement('time');
      time.setAttribute('datetime', event.at);
      time.textContent = localTime(event.at);
      li.appendChild(time);
      li.appendChild(document.createTextNode(' ' + (event.action === 'unchecked' ? '取り消し: ' : '') + event.text));
      timeline.appendChild(li);
    });
  }

  items.forEach(function (li) {
    var id = li.getAttribute('data-item');
    var box = li.querySelector('input[type="checkbox"]');
    var note = li.querySelector('[data-note]');
    box.addEventListener('change', function () {
      var state = itemState(id);
      var at = new Date().toISOString();
      if (box.checked) state.checkedAt = at;
      else delete state.checkedAt;
      record.events.push({ at: at, item: id, action: box.checked ? 'checked' : 'unchecked', text: describe(li).text });
      save();
      show(li);
      showTimeline();
      say(box.checked ? localTime(at) + ' に記録しました: ' + describe(li).text : 'チェックを外しました（経過には残ります）。');
    });
    if (note) {
      note.addEventListener('change', function () {
        itemState(id).note = note.value;
        save();
      });
    }
    show(li);
  });

  fields.forEach(function (field) {
    var name = field.getAttribute('data-field');
    field.value = record.fields[name] || '';
    field.addEventListener('change', function () {
      record.fields[name] = field.value;
      save();
    });
  });

  showTimeline();
  if (!storage) say('このブラウザでは記録を保存できません。閉じる前に「記録を JSON で保存」を押してください。');
  else if (record.events.length > 0) say('前回の記録（' + localTime(record.createdAt) + ' 開始）を読み込みました。');

  /** The whole record for export: every item in page order, checked or not. */
  function exportRecord() {
    return {
      format: FORMAT,
      version: 1,
      company: panel.getAttribute('data-company') || '',
      plan: panel.getAttribute('data-plan') || '',
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      exportedAt: new Date().toISOString(),
      fields: record.fields,
      items: items.map(function (li) {
        var info = describe(li);
        var state = record.items[info.id] || {};
        return { id: info.id, phase: info.phase, text: info.text, role: info.role, checkedAt: state.checkedAt || null, note: state.note || '' };
      }),
      events: record.events,
    };
  }

  function fileStamp() {
    var d = new Date();
    return d.getFullYear() + pad(d.getMonth() + 1) + pad(d.getDate()) + '-' + pad(d.getHours()) + pad(d.getMinutes());
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch];
    });
  }

  var FIELD_LABELS = {
    noticedAt: '気づいた日時',
    occurredAt: '実際に発生した日時',
    recorder: '記録する人',
    event: '起きたこと',
    systems: '被害を受けたシステム・装置',
    cause: '考えられる原因',
  };

  /** A self-contained HTML page: the incident log, for printing and for the files. */
  function summaryHtml(data) {
    var rows = data.items
      .map(function (item) {
        return (
          '<tr><td class="box">' + (item.checkedAt ? '&#x2611;' : '&#x2610;') + '</td><td>' + escapeHtml(item.phase) + '</td><td>' + escapeHtml(item.text) +
          '</td><td>' + escapeHtml(item.role) + '</td><td class="t">' + (item.checkedAt ? escapeHtml(localTime(item.checkedAt)) : '') + '</td><td>' + escapeHtml(item.note) + '</td></tr>'
        );
      })
      .join('\n');
    var facts = Object.keys(FIELD_LABELS)
      .map(function (key) {
        return '<tr><th>' + FIELD_LABELS[key] + '</th><td>' + escapeHtml(data.fields[key] || '') + '</td></tr>';
      })
      .join('\n');
    var events = data.events
      .map(function (event) {
        return '<li><span class="t">' + escapeHtml(localTime(event.at)) + '</span> ' + (event.action === 'unchecked' ? '取り消し: ' : '') + escapeHtml(event.text) + '</li>';
      })
      .join('\n');
    return (
      '<!doctype html>\n<html lang="ja"><head><meta charset="utf-8"><title>対応記録（インシデントログ） ' + escapeHtml(data.company) + '</title>\n' +
      '<style>body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic UI","Meiryo",sans-serif;margin:1.5rem;color:#000;line-height:1.6}' +
      'table{border-collapse:collapse;width:100%;margin:0.5rem 0 1.5rem}th,td{border:1px solid #444;padding:0.25rem 0.4rem;text-align:left;vertical-align:top;font-size:0.9rem}' +
      'th{background:#eee;white-space:nowrap}.box{text-align:center;font-size:1.1rem}.t{white-space:nowrap;font-variant-numeric:tabular-nums}tr{break-inside:avoid}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}</style>\n' +
      '</head><body>\n<h1>対応記録（インシデントログ）</h1>\n' +
      '<p>' + escapeHtml(data.company) + ' / ' + escapeHtml(data.plan) + '<br>記録の開始: ' + escapeHtml(localTime(data.createdAt)) + ' / 書き出し: ' + escapeHtml(localTime(data.exportedAt)) + '</p>\n' +
      '<h2>概要</h2>\n<table><tbody>\n' + facts + '\n</tbody></table>\n' +
      '<h2>対応の経過</h2>\n<ol>\n' + (events || '<li>記録はまだありません</li>') + '\n</ol>\n' +
      '<h2>チェックリスト</h2>\n<table><thead><tr><th></th><th>段階</th><th>項目</th><th>担当</th><th>時刻</th><th>メモ</th></tr></thead><tbody>\n' + rows + '\n</tbody></table>\n' +
      '</body></html>\n'
    );
  }

  panel.addEventListener('click', function (event) {
    var button = event.target.closest('[data-action]');
    if (!button) return;
    var action = button.getAttribute('data-action');
    if (action === 'download-json') {
      download('incident-record-' + fileStamp() + '.json', 'application/json', JSON.stringify(exportRecord(), null, 2) + '\n');
      say('記録を JSON ファイルに保存しました。');
    } else if (action === 'download-summary') {
      download('incident-log-' + fileStamp() + '.html', 'text/html', summaryHtml(exportRecord()));
      say('対応記録（印刷用）を保存しました。開いて印刷できます。');
    } else if (action === 'print') {
      window.print();
    } else if (action === 'reset') {
      if (!window.confirm('この記録を消して、最初から始めますか。消す前に保存したいときは「キャンセル」を押してください。')) return;
      record = emptyRecord();
      if (storage) storage.removeItem(KEY);
      items.forEach(show);
      fields.forEach(function (field) {
        field.value = '';
      });
      showTimeline();
      say('記録を消しました。');
    }
  });
})();
