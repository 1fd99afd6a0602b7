/**
 * `astro check` type-checks the .astro files, which `tsc` cannot read. Its language tools
 * need TypeScript 5 or 6 while the project compiles with TypeScript 7, so they live in a
 * cache folder of their own (ignored by git) instead of the project's dependencies, and
 * are installed there on first use.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const TOOLS = { '@astrojs/check': '0.9.10', typescript: '6' };
const prefix = path.join(ROOT, '.cache', `astro-check-${TOOLS['@astrojs/check']}`);
const bin = path.join(prefix, 'node_modules', '.bin', 'astro-check');

if (!existsSync(bin)) {
  console.error('astro check の道具を .cache/ に入れます（初回のみ）。');
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...Object.entries(TOOLS).map(([name, version]) => `${name}@${version}`),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
try {
  execFileSync(process.execPath, [bin, '--root', ROOT, '--minimumSeverity', 'warning'], { stdio: 'inherit' });
} catch {
  process.exitCode = 1;
}
