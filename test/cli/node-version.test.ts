/**
 * `node scripts/bcp.mjs …` under a Node.js older than Astro needs (the machine's Node 20)
 * stops first with a Japanese message saying to run `npm run bcp -- …`, instead of failing
 * on "Unknown file extension .ts" (issue 21). The old Node is played by the current one with
 * `process.versions.node` replaced before the launcher loads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTooOld, MINIMUM_NODE, tooOldMessage } from '../../scripts/node-version.mjs';
import { ruleMessage } from '../../src/errors/catalogue.ts';
import { ROOT } from '../helpers.ts';

describe('the Node.js version check', () => {
  it.each([
    ['20.20.2', true],
    ['v18.0.0', true],
    ['22.11.9', true],
    ['22.12.0', false],
    ['24.21.0', false],
    ['25.0.0', false],
  ])('%s is too old: %s', (version, old) => {
    expect(isTooOld(version)).toBe(old);
  });

  it('says the same as the catalogue and the minimum of package.json', () => {
    expect(tooOldMessage({ version: '20.20.2' })).toBe(ruleMessage('node-version-too-old', { version: '20.20.2' }));
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE}`);
  });

  it('stops `node scripts/bcp.mjs build` under Node 20 before loading any TypeScript, exit 2', () => {
    const oldNode = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'20.20.2'})`;
    const run = spawnSync(process.execPath, ['--import', oldNode, path.join(ROOT, 'scripts', 'bcp.mjs'), 'build', '--out', 'never-made'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${ruleMessage('node-version-too-old', { version: '20.20.2' })}  node-version-too-old\n`);
    expect(run.stderr).not.toContain('Unknown file extension');
  });
});
