/** A lock (a folder, created atomically) for what the test setups keep under .cache/, shared by the tiers' setups. */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.ts';

export async function withCacheLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(ROOT, '.cache', `${name}.test-lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than ten minutes is left over from a killed run.
      // The lock may vanish between mkdir and stat (its holder just finished): then retry at once.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (!held) continue;
      if (waited > 600_000 || Date.now() - held.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
