/**
 * The public build's last look for personal data (issue 21): every name, reading, phone
 * number and address the company wrote in `contacts` (except a `public: true` desk's) is
 * searched for, in any notation (src/answers/personal-notations.ts), in every file of the
 * public site: pages with their attributes, scripts, data, the search index (unpacked) and
 * the PDF's text (`pdftotext`, from poppler-utils; without it, the print page the PDF is
 * printed from stands in, which is scanned like every page). A hit fails the build and
 * names the file and the contact field.
 *
 * Runs on the finished site before it replaces the output, with the answers as written
 * (the site itself only ever saw the masked ones).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { nameContacts } from '../answers/error-map.ts';
import { knownPersonalValues, needlesFor, type Needle } from '../answers/personal-notations.ts';
import type { Answers } from '../answers/schema.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';

const run = promisify(execFile);

/** Files that are pictures or fonts: no text to search. */
const BINARY = /\.(?:png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|eot)$/i;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of a file as a reader (or a tool) would get at it: entities, `\u` escapes and %-escapes decoded. */
export function decodedText(raw: string): string {
  const entities = raw
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeChar(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => safeChar(Number(dec)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole);
  const escapes = entities.replace(/\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (_, a?: string, b?: string, c?: string) =>
    safeChar(parseInt((a ?? b ?? c)!, 16)),
  );
  return escapes.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function safeChar(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Long base64 string literals, such as the file-share search index (gzip in base64 inside a script). */
const BASE64_LITERAL = /["']([A-Za-z0-9+/]{64,}={0,2})["']/g;

/** What gzip-in-base64 literals of a text hold, unpacked: data packed this way is scanned like the rest. */
export function packedTexts(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(BASE64_LITERAL)) {
    const bytes = Buffer.from(match[1]!, 'base64');
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) continue;
    try {
      found.push(decodedText(gunzipSync(bytes).toString('utf8')));
    } catch {
      // Not gzip after all: nothing packed here.
    }
  }
  return found;
}

/** The texts to search in one file: as decoded, and with its tags as spaces (so `090-<b>0000</b>` reads whole). */
async function textsOf(file: string): Promise<string[] | undefined> {
  if (BINARY.test(file)) return undefined;
  if (file.endsWith('.pdf')) {
    try {
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
      return [stdout];
    } catch {
      return undefined; // No pdftotext: the print page, scanned with the rest, is the PDF's source.
    }
  }
  let bytes = await readFile(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  const raw = bytes.toString('utf8');
  const decoded = decodedText(raw);
  return [decoded, decoded.replace(/<[^>]*>/g, ' '), ...packedTexts(raw)];
}

/** What each hit is, for the message: `連絡先の「090-0000-1200」（contacts[id=general-affairs「総務課」].mobile）`. */
function hitName(needle: Needle, contacts: Answers['contacts']): string {
  return `${needle.kind}（${nameContacts(`contacts[${needle.value.contact}].${needle.value.field}`, contacts)}）`;
}

/** Every file of the public site `siteDir` holding staff details, one problem per file with all its hits. */
export async function scanPublicSite(siteDir: string, answers: Pick<Answers, 'contacts'>, label: string): Promise<Problem[]> {
  const needles = needlesFor(knownPersonalValues(answers));
  if (needles.length === 0) return [];
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const problems: Problem[] = [];
  for (const file of files) {
    const texts = await textsOf(file);
    if (!texts) continue;
    const hits = needles.filter((needle) => texts.some((text) => needle.test(text)));
    if (hits.length === 0) continue;
    const shown = path.join(label, path.relative(siteDir, file));
    problems.push({
      file: shown,
      line: 1,
      column: 1,
      ruleId: 'personal-data-in-output',
      severity: 'error',
      message: ruleMessage('personal-data-in-output', { file: shown, hits: hits.map((hit) => hitName(hit, answers.contacts)).join('、') }),
    });
  }
  return problems;
}
