/**
 * What the bundled `bcp` (.cache/cli/) was made from: each source file with its size and
 * modification time, written by scripts/bundle-cli.ts. Plain JavaScript, so the launcher
 * (scripts/bcp.mjs) reads it without loading esbuild or stripping any TypeScript.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** @param {string} root @returns {string} */
export const stampFile = (root) => path.join(root, '.cache', 'cli-inputs.json');

/** @param {string} root @param {string} file relative to root @returns {[string, number, number]} */
function entry(root, file) {
  const stats = statSync(path.join(root, file));
  return [file, stats.size, stats.mtimeMs];
}

/** Records `files` (relative to `root`) as the bundle's sources. @param {string} root @param {readonly string[]} files */
export function writeStamp(root, files) {
  writeFileSync(stampFile(root), JSON.stringify([...files].sort().map((file) => entry(root, file))));
}

/** True when every recorded source is as it was when the bundle was made. @param {string} root */
export function stampIsCurrent(root) {
  try {
    /** @type {Array<[string, number, number]>} */
    const recorded = JSON.parse(readFileSync(stampFile(root), 'utf8'));
    return (
      recorded.length > 0 &&
      recorded.every(([file, size, mtime]) => {
        const [, nowSize, nowMtime] = entry(root, file);
        return nowSize === size && nowMtime === mtime;
      })
    );
  } catch {
    // No stamp, a damaged one, or a source gone: make the bundle again.
    return false;
  }
}
