/**
 * Reads and finishes the PDF Chromium printed.
 *
 * Chromium writes a named destination for every element a link points at, keyed by the
 * element's id, so the table of contents' own links tell us on which page each heading
 * landed: no text matching, no layout guessing.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFStream, PDFString, type PDFObject } from 'pdf-lib';

const utf8 = new TextDecoder();

/** A destination's name as the element id it came from (Chromium percent-encodes ids as in a URL fragment). */
function nameText(name: PDFName | PDFString | PDFHexString): string {
  const text = name instanceof PDFName ? utf8.decode(name.asBytes()) : name.decodeText();
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The page reference a destination (an array or a `<< /D [...] >>` dict) points at. */
function destinationPage(doc: PDFDocument, value: PDFObject | undefined): PDFRef | undefined {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  const array = resolved instanceof PDFDict ? resolved.lookup(PDFName.of('D')) : resolved;
  if (!(array instanceof PDFArray)) return undefined;
  const page = array.get(0);
  return page instanceof PDFRef ? page : undefined;
}

/** Walks a name tree (`/Names` with `/Kids`) and yields its key-value pairs. */
function* nameTree(doc: PDFDocument, node: PDFDict): Generator<[string, PDFObject]> {
  const names = node.lookup(PDFName.of('Names'));
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) yield [nameText(key), names.get(i + 1)];
    }
  }
  const kids = node.lookup(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) yield* nameTree(doc, kid);
    }
  }
}

/** Parses a printed PDF once; the result serves both `destinationPages` and `finishPdf`. */
export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false });
}

const opened = async (pdf: Uint8Array | PDFDocument) => (pdf instanceof PDFDocument ? pdf : loadPdf(pdf));

/** Named destination → 1-based page number, for every destination in the PDF. */
export async function destinationPages(pdf: Uint8Array | PDFDocument): Promise<Map<string, number>> {
  const doc = await opened(pdf);
  const pageOf = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const pages = new Map<string, number>();
  const add = (name: string, value: PDFObject | undefined) => {
    const ref = destinationPage(doc, value);
    const page = ref && pageOf.get(ref.toString());
    if (page !== undefined) pages.set(name, page);
  };
  // PDF 1.1 style (what Skia writes): a dictionary in the catalog.
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) for (const [key, value] of dests.entries()) add(nameText(key), value);
  // PDF 1.2 style: a name tree under /Names /Dests.
  const names = doc.catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined;
  if (tree instanceof PDFDict) for (const [key, value] of nameTree(doc, tree)) add(key, value);
  return pages;
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  /** The plan's revision date (YYYY-MM-DD): used for both creation and modification dates. */
  date: string;
}

const STRUCTURE_ID = /^node(\d{8})$/;

/**
 * Tagged PDFs name structure elements after Blink's DOM node ids (`node00000051`), which
 * count every node the renderer ever created, so they shift from run to run. Renumbered
 * by rank they keep their order (the ID tree stays sorted) and no longer depend on the run.
 */
function renumberStructureIds(doc: PDFDocument) {
  const visit = (object: PDFObject, replace: (s: PDFString) => PDFObject | undefined) => {
    const container = object instanceof PDFStream ? object.dict : object;
    if (container instanceof PDFDict) {
      for (const [key, value] of container.entries()) {
        const next = value instanceof PDFString ? replace(value) : (visit(value, replace), undefined);
        if (next) container.set(key, next);
      }
    } else if (container instanceof PDFArray) {
      for (let i = 0; i < container.size(); i++) {
        const value = container.get(i);
        const next = value instanceof PDFString ? replace(value) : (visit(value, replace), undefined);
        if (next) container.set(i, next);
      }
    }
  };
  const objects = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  const seen = new Set<number>();
  for (const object of objects) {
    visit(object, (s) => {
      const match = STRUCTURE_ID.exec(s.asString());
      if (match) seen.add(Number(match[1]));
      return undefined;
    });
  }
  const rank = new Map([...seen].sort((a, b) => a - b).map((id, index) => [id, index + 1]));
  for (const object of objects) {
    visit(object, (s) => {
      const match = STRUCTURE_ID.exec(s.asString());
      return match ? PDFString.of(`node${String(rank.get(Number(match[1]))).padStart(8, '0')}`) : undefined;
    });
  }
}

/**
 * Replaces what depends on the run (the clock's dates, the browser's user agent, the
 * renderer's node ids) with the plan's own data, so the same answers give the same bytes.
 */
export async function finishPdf(pdf: Uint8Array | PDFDocument, meta: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await opened(pdf);
  const date = new Date(`${meta.date}T00:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setCreator('bcp pdf');
  doc.setProducer(`bcp pdf (${doc.getProducer() ?? 'Chromium'})`);
  doc.setLanguage('ja');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  renumberStructureIds(doc);
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}
