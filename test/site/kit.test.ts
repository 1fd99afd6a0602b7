/**
 * The incident kit (issue 23) as built by `bcp build`: poster.pdf, card.pdf and pocket.pdf
 * read the way a person's tools would (pdfinfo, pdftotext, qpdf), plan-offline.html read
 * as a file that must ask for nothing, the home page's listing, and the public build
 * without any of it. A new phone number reaches all four in the next build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import type { Answers } from '../../src/answers/schema.ts';
import { loadPosters } from '../../src/kit/content.ts';
import { reportingContacts } from '../../src/kit/data.ts';
import { FIXTURES, ROOT } from '../helpers.ts';
import { buildTempSite, removeTempSite, testSite } from '../site-helpers.ts';

const ANSWERS = path.join(FIXTURES, 'answers', 'example.yaml');
const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
/** pdftotext breaks lines where the layout wrapped them: compare without whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');
const pagesOf = (file: string) => run('pdftotext', [file, '-']).split('\f').slice(0, -1).map(squash);

interface PageInfo {
  pages: number;
  /** Width × height in mm, rounded. */
  size: [number, number];
}
function info(file: string): PageInfo {
  const text = run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)![1]);
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(text)!;
  const mm = (pt: string) => Math.round((Number(pt) * 25.4) / 72);
  return { pages, size: [mm(w!), mm(h!)] };
}

/** Every page's size in mm (pdfinfo -f 1 -l N lists each). */
function pageSizes(file: string, pages: number): Array<[number, number]> {
  const text = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
  return [...text.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
    Math.round((Number(m[1]) * 25.4) / 72),
    Math.round((Number(m[2]) * 25.4) / 72),
  ]);
}

/** The URIs of the link annotations, read from qpdf's uncompressed form. */
function linkUris(file: string, tmp: string): string[] {
  const qdf = path.join(tmp, `${path.basename(file)}.qdf`);
  run('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  const text = readFileSync(qdf, 'latin1');
  const uris = [...text.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]!);
  // Each URI is a link annotation's action, not some other object's text.
  expect([...text.matchAll(/\/Subtype\s*\/Link\b/g)].length).toBeGreaterThanOrEqual(uris.length);
  return uris;
}

function outline(file: string): string[] {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: Array<{ title: string }> };
  return json.outlines.map((o) => o.title);
}

let site: string;
let tmp: string;
let answers: Answers;

beforeAll(() => {
  site = testSite('example').dir;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'bcp-kit-site-'));
  answers = loadAnswersFile(ANSWERS, { cwd: ROOT }).answers!;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const version = () => answers.revisions.at(-1)!;

describe('poster.pdf', () => {
  it('is one A4 page per language of content/kit', () => {
    const posters = loadPosters(ROOT);
    expect(posters.length).toBe(3);
    const file = path.join(site, 'poster.pdf');
    expect(info(file)).toEqual({ pages: posters.length, size: [210, 297] });
  });

  it('says on each page, in its language, what is abnormal, what to do, whom to call and the plan version', () => {
    const pages = pagesOf(path.join(site, 'poster.pdf'));
    const posters = loadPosters(ROOT);
    const officer = answers.contacts.find((c) => c.id === 'security-officer')!;
    const desk = answers.contacts.find((c) => c.id === 'general-affairs')!;
    posters.forEach((poster, index) => {
      const page = pages[index]!;
      expect(page).toContain(squash(poster.title));
      for (const sign of poster.signs.items.filter((s) => !s.includes('{{'))) expect(page).toContain(squash(sign));
      for (const action of poster.actions.items) expect(page).toContain(squash(action));
      // The in-house number and the mobile of the first person, and a second person.
      expect(page).toContain(officer.phone);
      expect(page).toContain(officer.mobile);
      expect(page).toContain(desk.mobile);
      expect(page).toContain(squash(poster.version.replace('{version}', version().version).replace('{date}', version().date)));
    });
    // The Japanese page names the company's own triage sign (slot 4) from the answers.
    expect(pages[0]).toContain(squash(answers.slots[4]!));
    // English uses the content file's role names.
    expect(pages[2]).toContain('ITstaff(GeneralAffairs)');
  });
});

describe('card.pdf', () => {
  it('is two A4 sheets: ten fronts, then ten backs', () => {
    const file = path.join(site, 'card.pdf');
    expect(info(file)).toEqual({ pages: 2, size: [210, 297] });
    const [front, back] = pagesOf(file);
    const first = reportingContacts(answers)[0]!.contact!;
    expect(front!.split('緊急連絡先（報告の順）').length - 1).toBe(10);
    expect(front!.split(first.mobile!).length - 1).toBe(10);
    expect(back!.split('異常に気づいたら').length - 1).toBe(10);
    expect(back!.split(`計画第${version().version}版（${version().date}）`).length - 1).toBe(10);
    expect(back!.split('氏名').length - 1).toBe(10);
  });

  it('lists the key contacts in the reporting order on the front', () => {
    // The top left card only (91 × 55 mm at 14 mm, 11 mm; pdftotext counts in points at -r 72).
    const pt = (mm: number) => String(Math.round((mm * 72) / 25.4));
    const crop = ['-r', '72', '-x', pt(14), '-y', pt(11), '-W', pt(91), '-H', pt(55)];
    const card = squash(run('pdftotext', ['-f', '1', '-l', '1', ...crop, path.join(site, 'card.pdf'), '-']));
    expect(card.split('緊急連絡先（報告の順）').length - 1).toBe(1);
    const order = reportingContacts(answers).map((k) => k.contact!.phone ?? k.contact!.mobile!);
    const positions = order.map((number) => card.indexOf(number));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('carries the first actions of the Japanese poster on the back', () => {
    const [, back] = pagesOf(path.join(site, 'card.pdf'));
    for (const action of loadPosters(ROOT)[0]!.actions.items) expect(back).toContain(squash(action));
  });
});

describe('pocket.pdf', () => {
  const file = () => path.join(site, 'pocket.pdf');

  it('has phone-size pages (100 × 180 mm) and stays under 1 MB', () => {
    const { pages } = info(file());
    expect(pages).toBeGreaterThan(3);
    expect(new Set(pageSizes(file(), pages).map((s) => s.join('x')))).toEqual(new Set(['100x180']));
    expect(statSync(file()).size).toBeLessThan(1024 * 1024);
  });

  it('starts with the contacts as tel: and mailto: links that a phone follows', () => {
    const uris = linkUris(file(), tmp);
    for (const contact of answers.contacts) {
      for (const number of [contact.phone, contact.mobile].filter((n): n is string => n !== undefined)) {
        expect(uris).toContain(`tel:${number.replace(/-/g, '')}`);
      }
      if (contact.email) expect(uris).toContain(`mailto:${contact.email}`);
    }
    const [first] = pagesOf(file());
    expect(first).toContain('1.連絡先（報告の順）');
    expect(first).toContain(answers.contacts[0]!.mobile);
  });

  it('has a bookmark for each part, in order', () => {
    expect(outline(file())).toEqual(['1. 連絡先（報告の順）', '2. 初動のチェックリスト', '3. 報告の期限', '4. 復旧の順番', '5. 止まっている間の手作業']);
  });

  it('holds the first-response checklist and the reporting deadlines', () => {
    const text = squash(run('pdftotext', [file(), '-']));
    expect(text).toContain('初動のチェックリスト');
    // Items of the incident checklist's first phases, as the checklist words them.
    expect(text).toContain('自分で直そうとせず、電源も切らずに、そのままにした');
    expect(text).toContain('攻撃が及んでいる範囲を見極めた');
    expect(text).toContain(`第一報:検知から${answers.slots[9]}`);
    expect(text).toContain(`概況の把握:検知から${answers.slots[7]}`);
    expect(text).toContain('個人情報保護委員会');
  });
});

describe('the recovery order and manual fallbacks (a company with a BIA)', () => {
  it('are on the phone-size plan page, in the recovery order', () => {
    const other = testSite('otherCompany');
    const bia = loadAnswersFile(other.answers, { cwd: ROOT }).answers!.bia!;
    const html = readFileSync(path.join(other.dir, 'kit', 'pocket.html'), 'utf8');
    for (const system of bia.systems.filter((s) => s.fallback)) expect(html).toContain(system.fallback);
    const recovery = html.slice(html.indexOf('id="pocket-recovery"'), html.indexOf('id="pocket-fallbacks"'));
    expect(bia.systems.every((s) => recovery.includes(s.name))).toBe(true);
  });
});

describe('plan-offline.html', () => {
  const file = () => path.join(site, 'plan-offline.html');

  it('refers to nothing outside itself but in-page anchors, tel: and mailto:', () => {
    const html = readFileSync(file(), 'utf8');
    // The markup only: inlined scripts and styles are code, not references.
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
    const targets = [...markup.matchAll(/\s(?:src|href|action|srcset|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
      (m) => m[1] ?? m[2] ?? m[3]!,
    );
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((t) => !/^(#|tel:|mailto:)/.test(t))).toEqual([]);
    expect(html).not.toMatch(/<link\b/i);
    // Nor do the styles fetch anything (fonts, images).
    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!).join('\n');
    expect(styles.length).toBeGreaterThan(1000);
    expect(styles).not.toMatch(/url\(\s*['"]?(?!data:)|@import/i);
    // Every in-page anchor leads somewhere in the file.
    const ids = new Set([...markup.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
    const missing = targets.filter((t) => t.startsWith('#') && !ids.has(decodeURIComponent(t.slice(1))));
    expect(missing).toEqual([]);
  });

  it('holds the plan, the contacts, the incident checklist with its record, and the plan version', () => {
    const html = readFileSync(file(), 'utf8');
    for (const id of ['contacts', 'incident', 'plan', 'chapter-3']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('data-incident-record');
    expect(html).toContain('data-action="download-json"');
    for (const contact of answers.contacts) if (contact.mobile) expect(html).toContain(contact.mobile);
    expect(html).toContain(`第${version().version}版（${version().date}`);
    // The record's scripts are inside, tools first.
    expect(html).toContain('bcpChecklistTools');
    expect(existsSync(path.join(site, 'kit', 'offline.html'))).toBe(false);
  });
});

describe('the home page', () => {
  it('lists the four items and says which plan version they are', () => {
    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    for (const target of ['poster.pdf', 'card.pdf', 'pocket.pdf', 'plan-offline.html']) expect(html).toContain(`href="${target}"`);
    const kit = html.slice(html.indexOf('id="kit"'));
    expect(kit).toContain(`第${version().version}版、${version().date} 改訂`);
    // The example fixture records no print run yet: the page says where to record it.
    expect(answers.upkeep?.lastKitPrint).toBeUndefined();
    expect(kit).toContain('upkeep.lastKitPrint にその日と版を書いてください');
  });
});

describe('the public build', () => {
  it('has none of the kit, nor a link to it', () => {
    const pub = testSite('public').dir;
    for (const name of ['poster.pdf', 'card.pdf', 'pocket.pdf', 'plan-offline.html', 'kit']) expect(existsSync(path.join(pub, name)), name).toBe(false);
    const home = readFileSync(path.join(pub, 'index.html'), 'utf8');
    expect(home).not.toContain('poster.pdf');
    expect(home).not.toContain('id="kit"');
  });
});

describe('a new phone number', () => {
  let built: string | undefined;
  afterAll(() => removeTempSite(built));

  it('shows up in the poster, the card, the phone-size plan and the offline edition of the next build', async () => {
    const changed = path.join(tmp, 'new-number.yaml');
    const text = readFileSync(ANSWERS, 'utf8').replace('    mobile: 090-0000-1201', '    mobile: 080-7777-4321');
    expect(text).toContain('080-7777-4321');
    writeFileSync(changed, text);
    built = await buildTempSite('kit-number', changed);
    for (const pdf of ['poster.pdf', 'card.pdf', 'pocket.pdf']) {
      const words = squash(run('pdftotext', [path.join(built, pdf), '-']));
      expect(words, pdf).toContain('080-7777-4321');
      expect(words, pdf).not.toContain('090-0000-1201');
    }
    expect(linkUris(path.join(built, 'pocket.pdf'), tmp)).toContain('tel:08077774321');
    expect(readFileSync(path.join(built, 'plan-offline.html'), 'utf8')).toContain('080-7777-4321');
  });
});
