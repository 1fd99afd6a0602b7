/**
 * One headless Chromium for the whole browser tier, found and started as the PDF step does.
 * Each test file opens its own profile in it (`openBrowser()` in site-helpers.ts), so files
 * running side by side never share storage, and none pays for a browser start.
 */
import type { TestProject } from 'vitest/node';
import { BROWSER_ARGS, findBrowser } from '../src/pdf/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const { default: puppeteer } = await import('puppeteer');
  const browser = await puppeteer.launch({
    executablePath: await findBrowser(),
    headless: true,
    args: [...BROWSER_ARGS],
  });
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
  };
}
