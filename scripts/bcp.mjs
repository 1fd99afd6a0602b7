/**
 * What `npm run check|build|bcp` run: the bundled `bcp` in .cache/cli/, made again first when
 * a source changed since it was made (a few hundred file stats), so an edit of src/ never
 * runs old code.
 */
// First: a Node.js too old for what follows stops here with a message that says what to do.
import './node-version.mjs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stampIsCurrent } from './cli-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!stampIsCurrent(root)) {
  const { ensureFreshCli } = await import('./bundle-cli.ts');
  await ensureFreshCli();
}
// The bundle as the running program, as if run directly: its check caches are keyed on the
// bundle named by argv[1] (src/check/scan-cache.ts).
process.argv[1] = path.join(root, '.cache', 'cli', 'bcp.js');
await import(pathToFileURL(process.argv[1]).href);
