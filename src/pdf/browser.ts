/**
 * Finds the Chromium that prints the PDF.
 *
 * Order: `PUPPETEER_EXECUTABLE_PATH`, then the usual install places (Debian's chromium
 * first, as CI uses it), then puppeteer's own download where one exists. A path set in
 * the variable is never second-guessed: if it is wrong we say so rather than quietly
 * printing with some other browser.
 */
import { accessSync, constants } from 'node:fs';
import { ruleMessage } from '../errors/catalogue.ts';
import { PdfError } from './error.ts';

/** Where browsers are usually installed, in the order we try them. */
export const USUAL_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** Flags for a headless print: no sandbox (containers, CI) and nothing that reaches the network. */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserLookupOptions {
  /** Environment to read `PUPPETEER_EXECUTABLE_PATH` from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Places to try after the variable. Default: `USUAL_BROWSER_PATHS`. */
  candidates?: readonly string[];
  /** Puppeteer's own browser, if it downloaded one. Default: asks puppeteer. */
  puppeteerPath?: () => Promise<string | undefined>;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function puppeteerCachePath(): Promise<string | undefined> {
  try {
    const { executablePath } = await import('puppeteer');
    return await executablePath();
  } catch {
    return undefined;
  }
}

/** The browser executable to launch; throws a `PdfError` with a Japanese message when there is none. */
export async function findBrowser(options: BrowserLookupOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new PdfError('browser-env-invalid', ruleMessage('browser-env-invalid', { path: fromEnv }));
  }
  const candidates = options.candidates ?? USUAL_BROWSER_PATHS;
  const found = candidates.find(isExecutable);
  if (found) return found;
  const own = await (options.puppeteerPath ?? puppeteerCachePath)();
  if (own && isExecutable(own)) return own;
  throw new PdfError('browser-not-found', ruleMessage('browser-not-found', { tried: [...candidates, ...(own ? [own] : [])].join('、') }));
}
