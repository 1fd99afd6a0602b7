/**
 * `npm run dev`: the same integration as the build, re-reading the answers on every change.
 * Runs Astro's dev server on a copy of the project (so the real answers file is never
 * touched), edits a phone number and removes an answer, and reads the pages again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'bcp-dev-'));
const answersFile = path.join(temp, 'answers', 'answers.yaml');
let server: ChildProcess | undefined;
let base = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function page(pathname: string): Promise<string> {
  const response = await fetch(`${base}${pathname}`);
  return response.text();
}

/**
 * Asks until `accept` holds: the watcher picks a change up within a moment, not at once, and a
 * first request compiles the page (slow while other test files build sites). A limit, not a target.
 */
async function eventually(pathname: string, accept: (html: string) => boolean): Promise<string> {
  let html = '';
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    html = await page(pathname);
    if (accept(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return html;
}

beforeAll(async () => {
  for (const entry of ['content', 'src', 'plugins', 'public', 'answers', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(path.join(ROOT, entry), path.join(temp, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(temp, 'node_modules'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: temp,
    // As a person starts it: without the test runner's NODE_ENV=test and VITEST* variables.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')),
      ASTRO_TELEMETRY_DISABLED: '1',
      // Astro's CLI keeps compiled code in the system's temp folder unless told otherwise: here, with the copy.
      NODE_COMPILE_CACHE: path.join(temp, '.cache', 'node-compile'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  server.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  for (let waited = 0; ; waited += 250) {
    try {
      if ((await fetch(`${base}/contacts`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (waited > 120_000) throw new Error(`the dev server did not start:\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

afterAll(async () => {
  // Gone before its folder goes: on its way out it still writes (Node's compile cache).
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(temp, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows an edited phone number on the next request, without a restart', async () => {
    expect(await page('/contacts')).toContain('06-0000-1201');
    writeFileSync(answersFile, readFileSync(answersFile, 'utf8').replace('phone: 06-0000-1201', 'phone: 06-0000-9876'));
    const html = await eventually('/contacts', (h) => h.includes('06-0000-9876'));
    expect(html).toContain('06-0000-9876');
    expect(html).not.toContain('06-0000-1201');
  });

  it('shows a problem in the answers in Japanese on the page, with its place and rule, and no stack trace', async () => {
    writeFileSync(answersFile, readFileSync(answersFile, 'utf8').replace(/\n {2}7: .*\n/, '\n  7:\n'));
    // The watcher may first catch the file half-written (then it says the file is empty); the save settles it.
    const html = await eventually('/plan', (h) => h.includes('dev-problems') && h.includes('slots.7'));
    const banner = /<section class="dev-problems"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(banner).toContain('answers/answers.yaml:');
    expect(banner).toContain('slots.7');
    expect(banner).toContain('answers-invalid');
    expect(banner).not.toMatch(/\bat [\w.]+ \(|node:internal/);
    // The last valid answers stay on screen meanwhile.
    expect(html).toContain('2時間以内');
  });
});
