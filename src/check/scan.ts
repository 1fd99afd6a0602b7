/**
 * Scans content files for slots with the same remark plugin the site build uses, but
 * without building anything: this is what makes `bcp check` fast.
 *
 * With a scan cache (scan-cache.ts), a file whose text, path and consulted answers are
 * unchanged is answered from the cache, and the parsers (parse.ts) are not even loaded.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { ScanOptions } from './parse.ts';
import type { ScanCache } from './scan-cache.ts';

export async function scanFiles(files: readonly string[], options: ScanOptions & { cwd: string; cache?: ScanCache | undefined }): Promise<VFile[]> {
  const { cwd, cache, glossary, ...slotOptions } = options;
  const vfiles = await Promise.all(
    files.map(async (filePath) => new VFile({ path: path.relative(cwd, filePath), cwd, value: await readFile(filePath, 'utf8') })),
  );
  const recorder = cache?.recorder(slotOptions);
  let scan: ((file: VFile) => Promise<void>) | undefined;
  for (const file of vfiles) {
    if (cache?.restore(file, slotOptions)) continue;
    scan ??= (await import('./parse.ts')).slotScanner({ ...(recorder?.options ?? slotOptions), glossary });
    recorder?.begin();
    await scan(file);
    if (cache && recorder) cache.store(file, recorder.consulted());
  }
  await cache?.save();
  return vfiles;
}
