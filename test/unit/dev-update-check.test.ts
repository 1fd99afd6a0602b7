/** `npm run dev` does not invite an Astro upgrade past the pinned versions (issue 21). */
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import bcp from '../../src/integration/index.ts';
import { ROOT } from '../helpers.ts';

const saved = process.env.ASTRO_DISABLE_UPDATE_CHECK;
afterEach(() => {
  if (saved === undefined) delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
  else process.env.ASTRO_DISABLE_UPDATE_CHECK = saved;
});

async function setUp(command: 'dev' | 'build') {
  delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
  const hook = bcp().hooks['astro:config:setup']!;
  await (hook as (options: unknown) => Promise<void>)({ config: { root: pathToFileURL(`${ROOT}/`) }, command, updateConfig: () => undefined });
}

describe('the dev server', () => {
  it("turns Astro's update check off for `astro dev` (ASTRO_DISABLE_UPDATE_CHECK, read by astro/dist/core/dev/update-check.js)", async () => {
    await setUp('dev');
    expect(process.env.ASTRO_DISABLE_UPDATE_CHECK).toBe('true');
  });

  it('leaves a build alone (it never checks)', async () => {
    await setUp('build');
    expect(process.env.ASTRO_DISABLE_UPDATE_CHECK).toBeUndefined();
  });
});
