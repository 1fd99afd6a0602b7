/**
 * The first thing `scripts/bcp.mjs` does: refuse a Node.js too old for Astro and for running
 * TypeScript, with a Japanese message that says how to run bcp instead, before anything
 * else is loaded (under Node 20 the next import would fail with "Unknown file extension .ts").
 * Plain JavaScript that any Node.js can read. The message is the catalogue's
 * `node-version-too-old` (src/errors/catalogue.ts; a unit test keeps the two the same).
 */

/** The oldest Node.js bcp runs on: package.json's `engines.node`. */
export const MINIMUM_NODE = '22.12.0';

/** @param {string} version like `20.20.2` @returns {boolean} */
export function isTooOld(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor = 0, needMinor = 0] = MINIMUM_NODE.split('.').map(Number);
  return major < needMajor || (major === needMajor && minor < needMinor);
}

/** @param {{ version: string }} p @returns {string} */
export const tooOldMessage = (p) =>
  `この Node.js（${p.version}）では bcp を動かせません（${MINIMUM_NODE} 以上が必要です）。\`node scripts/bcp.mjs …\` ではなく \`npm run bcp -- build\` のように npm run から実行してください。npm run はプロジェクトに入っている Node.js 24 を使います（先に npm install が必要です）。`;

if (isTooOld(process.versions.node)) {
  console.error(`${tooOldMessage({ version: process.versions.node })}  node-version-too-old`);
  process.exit(2);
}
