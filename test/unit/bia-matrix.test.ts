/**
 * The business-impact matrix and the recovery order, table-driven: every cell of the
 * matrix, the importance of a process, the priority a system takes from the processes
 * that use it, the order to restore in, and what 3-2-1 and the restore-test age say.
 */
import { describe, expect, it } from 'vitest';
import type { Bia, BiaSystem, DependencyClass, ImpactLevel } from '../../src/answers/schema.ts';
import { importanceOf, priorityOf, systemPriorities, type Priority } from '../../src/bia/matrix.ts';
import { backupStatus, recoveryOrder } from '../../src/bia/recovery.ts';

const AXES: Bia['axes'] = [
  { id: 'delivery', name: '納期', criteria: { 高: '1日で納期遅れ', 中: '3日で納期遅れ', 低: '響かない' } },
  { id: 'money', name: 'お金', criteria: { 高: '違約金', 中: '費用増', 低: 'ほぼなし' } },
];

function bia(processes: Bia['processes'], systems: BiaSystem[]): Bia {
  return { axes: AXES, processes, systems };
}

describe('the matrix', () => {
  // BCAO's example table: dependency (松 high, 竹 middle, 梅 low) × importance → priority.
  const cells: Array<[DependencyClass, ImpactLevel, Priority]> = [
    ['松', '高', 'S'],
    ['松', '中', 'A'],
    ['松', '低', 'B'],
    ['竹', '高', 'A'],
    ['竹', '中', 'B'],
    ['竹', '低', 'C'],
    ['梅', '高', 'B'],
    ['梅', '中', 'C'],
    ['梅', '低', 'D'],
  ];
  it.each(cells)('gives %s × importance %s the priority %s', (dependency, importance, priority) => {
    expect(priorityOf(importance, dependency)).toBe(priority);
  });

  const importances: Array<[Record<string, ImpactLevel>, ImpactLevel]> = [
    [{ delivery: '低', money: '低' }, '低'],
    [{ delivery: '中', money: '低' }, '中'],
    [{ delivery: '低', money: '高' }, '高'],
    [{ delivery: '高', money: '中', quality: '低' }, '高'],
  ];
  it.each(importances)('takes the largest impact of %o as the importance %s', (impact, importance) => {
    expect(importanceOf(impact)).toBe(importance);
  });
});

describe('system priorities', () => {
  it('take the highest priority of the processes that use a system and name those processes', () => {
    const answers = bia(
      [
        {
          name: '受注',
          impact: { delivery: '高', money: '高' },
          systems: [
            { system: 'サーバ', dependency: '竹' },
            { system: 'メール', dependency: '梅' },
          ],
        },
        { name: '加工', impact: { delivery: '高', money: '中' }, systems: [{ system: 'サーバ', dependency: '竹' }] },
        {
          name: '経理',
          impact: { delivery: '低', money: '中' },
          systems: [
            { system: 'サーバ', dependency: '松' },
            { system: '会計', dependency: '竹' },
          ],
        },
      ],
      [{ name: 'サーバ' }, { name: 'メール' }, { name: '会計' }, { name: '予備機' }],
    );
    expect(systemPriorities(answers)).toEqual([
      { name: 'サーバ', priority: 'A', decidedBy: ['受注', '加工', '経理'] },
      { name: 'メール', priority: 'B', decidedBy: ['受注'] },
      { name: '会計', priority: 'B', decidedBy: ['経理'] },
      { name: '予備機', priority: undefined, decidedBy: [] },
    ]);
  });
});

describe('the recovery order', () => {
  it('puts higher priority first, then the shorter RTO, then the order of the list; unused systems last', () => {
    const answers = bia(
      [
        {
          name: '生産',
          impact: { delivery: '高', money: '低' },
          systems: [
            { system: 'B1', dependency: '梅' },
            { system: 'S2', dependency: '松' },
            { system: 'S1', dependency: '松' },
            { system: 'S3', dependency: '松' },
          ],
        },
        { name: '総務', impact: { delivery: '低', money: '低' }, systems: [{ system: 'C1', dependency: '竹' }] },
      ],
      [
        { name: 'X' },
        { name: 'C1', rto: '3日以内' },
        { name: 'B1', rto: '1時間以内' },
        { name: 'S3' },
        { name: 'S2', rto: '1日以内' },
        { name: 'S1', rto: '12時間以内' },
      ],
    );
    expect(recoveryOrder(answers, '2026-11-01').map((s) => `${s.rank} ${s.system.name} ${s.priority ?? '-'}`)).toEqual([
      '1 S1 S',
      '2 S2 S',
      '3 S3 S',
      '4 B1 B',
      '5 C1 C',
      '6 X -',
    ]);
  });
});

describe('backup status', () => {
  const away = { kind: '外付けHDD', offline: true, offsite: true, place: '本社の金庫' };
  const full = { copies: [{ kind: 'NAS' }, away], lastRestoreTest: '2025-11-01' };
  const cases: Array<[string, Partial<typeof full> | undefined, boolean, string[]]> = [
    ['3-2-1 met', {}, true, []],
    ['one copy only', { copies: [away] }, false, ['本番のほかのコピーが1つ（2つ要る）', 'コピーの媒体が1種類（2種類要る）']],
    [
      'one kind of media (spelling differs only in width and a note)',
      { copies: [{ kind: 'ＮＡＳ（毎日）' }, { ...away, kind: 'NAS' }] },
      false,
      ['コピーの媒体が1種類（2種類要る）'],
    ],
    ['nothing offline or away', { copies: [{ kind: 'NAS' }, { kind: '外付けHDD' }] }, false, ['オフラインのコピーがない', '別の場所に置いたコピーがない']],
    [
      'away with no place named',
      { copies: [{ kind: 'NAS' }, { kind: '外付けHDD', offline: true, offsite: true }] },
      false,
      ['別の場所に置くコピーの場所（place）が書かれていない'],
    ],
    [
      'offline on one copy, away on the other',
      {
        copies: [
          { kind: 'NAS', offline: true },
          { kind: 'クラウドバックアップ', offsite: true, place: '事業者のデータセンター' },
        ],
      },
      true,
      [],
    ],
  ];
  it.each(cases)('%s', (_name, change, meets, gaps) => {
    const status = backupStatus({ name: 'サーバ', backup: { ...full, ...change } }, '2026-11-01');
    expect(status.meets321).toBe(meets);
    expect(status.gaps321).toEqual(gaps);
  });

  it('counts a system without backup facts as having nothing', () => {
    const status = backupStatus({ name: 'サーバ' }, '2026-11-01');
    expect(status).toMatchObject({ meets321: false, offline: false, restoreTestFresh: false, lastRestoreTest: undefined });
    expect(status.gaps321).toHaveLength(4);
  });

  const ages: Array<[string, string, boolean, number]> = [
    ['exactly a year ago', '2025-11-01', true, 365],
    ['a year and a day ago', '2025-10-31', false, 366],
    ['this morning', '2026-11-01', true, 0],
  ];
  it.each(ages)('treats a restore test done %s (%s) as fresh: %s', (_name, date, fresh, age) => {
    const status = backupStatus({ name: 'サーバ', backup: { ...full, lastRestoreTest: date } }, '2026-11-01');
    expect(status.restoreTestFresh).toBe(fresh);
    expect(status.restoreTestAge).toBe(age);
  });
});
