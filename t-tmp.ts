import { readFileSync } from 'node:fs';
import { parseAnswers } from './src/answers/load.ts';
import { formatProblem } from './src/check/report.ts';
const ex = readFileSync('test/fixtures/answers/example.yaml', 'utf8');
const cases: [string, string][] = [
  ['version: "1.1"', 'version: 1.1'],
  ['templateVersion: "1.0"', 'templateVersion: 1.0'],
  ['phone: 06-0000-1201', 'phone: 0600001201'],
  ['note: 保守契約あり。初動の助言は無償、現地対応は契約の単価による。', 'note: #内線なし'],
  ['lastEducation: 2026-09-10', 'lastEducation: 2026/09/10'],
  ['  7: 2時間以内', '  7: ２時間以内'],
  ['  14: 総務課', '  14: 総務課\n  14: 広報課'],
  ['  - id: factory-manager', '  - id: Factory_Manager'],
  ['  - id: factory-manager', '  - id: security-officer'],
];
for (const [a, b] of cases) for (const p of parseAnswers(ex.replace(a, b), 'a.yaml').problems) console.log(formatProblem(p));
