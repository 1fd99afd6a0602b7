/**
 * `npm run bench -- --plans 1,10,50`: the time of `bcp build` over N generated plans (copies of
 * examples/two-plants' himeji plant with their own company name, sharing its base), with
 * their PDFs unless `--no-pdf`, as a multiple of one plan's time. Printed, never asserted.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ratio, seconds, timeCommand, type Timing } from './timing.ts';

export function generatePlans(root: string, dir: string, count: number): void {
  const example = path.join(root, 'examples', 'two-plants', 'plans');
  cpSync(path.join(example, 'base.yaml'), path.join(dir, 'base.yaml'));
  const plant = readFileSync(path.join(example, 'himeji', 'answers.yaml'), 'utf8');
  for (let i = 1; i <= count; i++) {
    const id = `plant-${String(i).padStart(2, '0')}`;
    cpSync(path.join(example, 'himeji'), path.join(dir, id), { recursive: true });
    writeFileSync(path.join(dir, id, 'answers.yaml'), plant.replace('株式会社しらさぎ工業 姫路工場', `株式会社しらさぎ工業 第${i}工場`));
  }
}

export function benchPlans(root: string, counts: readonly number[], options: { pdf: boolean; log: (line?: string) => void }): void {
  const cli = path.join(root, 'scripts', 'bcp.mjs');
  const rows: { count: number; timing: Timing }[] = [];
  for (const count of counts) {
    const scratch = mkdtempSync(path.join(tmpdir(), 'bcp-bench-plans-'));
    try {
      const plans = path.join(scratch, 'plans');
      generatePlans(root, plans, count);
      const args = [cli, 'build', '--plans', plans, '--out', path.join(scratch, 'dist'), ...(options.pdf ? [] : ['--no-pdf'])];
      const timing = timeCommand(process.execPath, args, { cwd: root });
      rows.push({ count, timing });
      options.log(`${count} 件: wall ${seconds(timing.wall)}、cpu ${seconds(timing.cpu)}`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const one = rows.find((r) => r.count === 1)?.timing.wall ?? Number.NaN;
  options.log(`\n計画の数ごとの bcp build${options.pdf ? '（PDF あり）' : '（--no-pdf）'}、1 件の時間に対する倍率:`);
  for (const { count, timing } of rows) options.log(`  ${String(count).padStart(3)} 件  ${seconds(timing.wall).padStart(9)}  ${ratio(timing.wall, one)}`);
}
