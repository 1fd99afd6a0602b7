/**
 * A copy of a backup is a copy only when it survives what takes the original down: the
 * data a cloud service keeps for its own service is the original itself, so it is not
 * one of the 3-2-1 copies (its loss, or a deletion from a hijacked account, takes both).
 * 3-2-1 itself is judged from the copies in src/bia/recovery.ts and reported by bia.ts.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';

/** 「クラウド事業者の保管」「プロバイダー側の保存」: the service's own storage, not a backup service. */
const PROVIDER_STORAGE = /(事業者|プロバイダー?|提供元|ベンダー)(側)?(の|が)(保管|保存|持つ|管理|サーバ)/;
const BACKUP_SERVICE = /バックアップ/;

export const backupCopyRules: Rule = (context) => {
  const { bia } = context.answers;
  if (!bia) return [];
  const problems: Problem[] = [];
  bia.systems.forEach((system, s) => {
    system.backup?.copies.forEach((copy, c) => {
      const kind = copy.kind.normalize('NFKC');
      if (!PROVIDER_STORAGE.test(kind) || BACKUP_SERVICE.test(kind)) return;
      const path = ['bia', 'systems', s, 'backup', 'copies', c, 'kind'];
      problems.push(problemAt(context, 'backup-provider-copy', path, { path: formatPath(path), system: system.name, kind: copy.kind }));
    });
  });
  return problems;
};
