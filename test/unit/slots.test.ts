/**
 * The slot scanner and resolver over fixture folders: test/fixtures/slots/<case>/input.md
 * gives output.html (what it resolves to) and messages.txt (every problem, as the
 * whole `file:line:col  severity  message  rule` line). `vitest -u` rewrites them (read the diff before committing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem } from '../../src/errors/report.ts';
import { FIXTURES, fixtureValues, renderMarkdown } from '../helpers.ts';

const CASES = path.join(FIXTURES, 'slots');

describe('slot fixtures', () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name, async () => {
      const dir = path.join(CASES, name);
      const optionsFile = path.join(dir, 'options.yaml');
      const options = existsSync(optionsFile) ? (parse(readFileSync(optionsFile, 'utf8')) as { answers?: string }) : {};
      const { html, problems } = await renderMarkdown(path.join(dir, 'input.md'), fixtureValues(options.answers));
      const messages = problems.map(formatProblem).join('\n') + (problems.length ? '\n' : '');
      const outputFile = path.join(dir, 'output.html');
      const messagesFile = path.join(dir, 'messages.txt');
      await expect(html).toMatchFileSnapshot(outputFile);
      await expect(messages).toMatchFileSnapshot(messagesFile);
    });
  }
});
