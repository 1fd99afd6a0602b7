/**
 * Every tier runs the bundled `bcp` (.cache/cli/), as `npm run check` does: it starts in a
 * tenth of the time the TypeScript sources take. Rebundled here when the sources changed.
 */
import { ensureFreshCli } from '../scripts/bundle-cli.ts';
import { withCacheLock } from './cache-lock.ts';

export default async function setup() {
  await withCacheLock('cli', () => ensureFreshCli());
}
