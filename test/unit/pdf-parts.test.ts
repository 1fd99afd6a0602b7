/**
 * The PDF step's parts that need no browser: finding one, escaping running-header text,
 * reading named destinations and making the metadata independent of the run.
 */
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { findBrowser, USUAL_BROWSER_PATHS } from '../../src/pdf/browser.ts';
import { destinationPages, finishPdf } from '../../src/pdf/document.ts';
import { PdfError } from '../../src/pdf/error.ts';
import { cssString, japaneseDate } from '../../src/site/format.ts';

const none = async () => undefined;

describe('findBrowser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first when it is executable', async () => {
    expect(await findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: process.execPath }, candidates: ['/nowhere'], puppeteerPath: none })).toBe(process.execPath);
  });

  it('refuses a PUPPETEER_EXECUTABLE_PATH that points nowhere instead of printing with another browser', async () => {
    const error = await findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' }, candidates: [process.execPath], puppeteerPath: none }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).ruleId).toBe('browser-env-invalid');
    expect((error as PdfError).message).toBe(
      '環境変数 PUPPETEER_EXECUTABLE_PATH が指す `/no/such/chrome` に、実行できるブラウザがありません。パスを直すか、変数を消して既定の場所（/usr/bin/chromium など）から探させてください。',
    );
  });

  it('tries the usual places in order, then puppeteer’s own browser', async () => {
    expect(await findBrowser({ env: {}, candidates: ['/nowhere', process.execPath], puppeteerPath: none })).toBe(process.execPath);
    expect(await findBrowser({ env: {}, candidates: ['/nowhere'], puppeteerPath: async () => process.execPath })).toBe(process.execPath);
    expect(USUAL_BROWSER_PATHS[0]).toBe('/usr/bin/chromium');
  });

  it('says in Japanese where it looked and how to install one when there is none', async () => {
    const error = await findBrowser({ env: {}, candidates: ['/a/chromium', '/b/chrome'], puppeteerPath: async () => '/cache/chrome' }).catch((e: unknown) => e);
    expect((error as PdfError).ruleId).toBe('browser-not-found');
    expect((error as PdfError).message).toBe(
      'PDF を印刷するブラウザ（Chromium または Google Chrome）が見つかりません（探した場所: /a/chromium、/b/chrome、/cache/chrome）。Debian・Ubuntu では `apt-get install chromium` で入れるか、環境変数 PUPPETEER_EXECUTABLE_PATH にブラウザの実行ファイルのパスを書いてください。',
    );
  });
});

describe('print page text', () => {
  it('turns any answer into one CSS string that cannot be closed early', () => {
    expect(cssString('社外秘')).toBe('"社外秘"');
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('x\n}body{display:none')).toBe('"x\\a }body{display:none"');
  });

  it('writes dates in Japanese from the text alone', () => {
    expect(japaneseDate('2026-10-01')).toBe('2026年10月1日');
    expect(japaneseDate('2027-12-31')).toBe('2027年12月31日');
  });
});

async function pdfWithDestinations() {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage(), doc.addPage(), doc.addPage()];
  const dest = (index: number) => doc.context.obj([pages[index]!.ref, PDFName.of('XYZ'), 0, 800, null]);
  // Skia style: a /Dests dictionary keyed by the percent-encoded id.
  const dests = doc.context.obj({}) as PDFDict;
  dests.set(PDFName.of('contacts'), dest(1));
  dests.set(PDFName.of(encodeURIComponent('31-発見通報')), dest(2));
  doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests));
  // PDF 1.2 style: a name tree, with a destination wrapped in << /D [...] >>.
  const leaf = doc.context.obj({ Names: [PDFString.of('glossary'), doc.context.obj({ D: dest(0) }), PDFHexString.fromText('用語'), dest(2)] });
  doc.catalog.set(PDFName.of('Names'), doc.context.obj({ Dests: doc.context.obj({ Kids: [doc.context.register(leaf)] }) }));
  return doc.save();
}

describe('destinationPages', () => {
  it('maps every named destination to its 1-based page, from both dictionary and name tree', async () => {
    const pages = await destinationPages(await pdfWithDestinations());
    expect(Object.fromEntries(pages)).toEqual({ contacts: 2, '31-発見通報': 3, glossary: 1, 用語: 3 });
  });
});

describe('finishPdf', () => {
  it('sets the metadata from the plan and renumbers structure ids by rank', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.setCreationDate(new Date());
    const a = doc.context.register(doc.context.obj({ Type: 'StructElem', ID: PDFString.of('node00000107') }));
    const b = doc.context.register(
      doc.context.obj({ Type: 'StructElem', ID: PDFString.of('node00000051'), A: [doc.context.obj({ Headers: [PDFString.of('node00000107')] })] }),
    );
    doc.catalog.set(PDFName.of('Test'), doc.context.obj([a, b]));
    const meta = { title: '株式会社かもめ精工 サイバー対応 IT-BCP 第1.1版', author: '株式会社かもめ精工', subject: '社外秘', date: '2026-10-01' };
    const first = await finishPdf(await doc.save(), meta);
    const second = await finishPdf(await doc.save(), meta);
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    expect(first.pages).toBe(1);

    const done = await PDFDocument.load(first.bytes, { updateMetadata: false });
    expect(done.getTitle()).toBe(meta.title);
    expect(done.getCreationDate()?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(done.getModificationDate()?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    const [elementA, elementB] = (done.catalog.lookup(PDFName.of('Test'), PDFArray).asArray() as PDFRef[]).map((ref) => done.context.lookup(ref, PDFDict));
    const id = (element: PDFDict | undefined) => element?.lookup(PDFName.of('ID'), PDFString).asString();
    expect(id(elementA)).toBe('node00000002');
    expect(id(elementB)).toBe('node00000001');
    const headers = elementB!.lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('Headers'), PDFArray);
    expect(headers.lookup(0, PDFString).asString()).toBe('node00000002');
  });
});
