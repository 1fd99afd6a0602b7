/**
 * backupMeets321: whether one system's backup keeps the 3-2-1 rule as the sources state it
 * (BCAO): the original plus two copies, on two different kinds of media, and one copy that
 * is both offline and kept elsewhere, at a place the answers name.
 *
 * Stricter than `backupStatus` (recovery.ts), which trusts the two booleans. Written to read
 * both shapes of `backup.media`: plain names (today's answers) and per-copy records
 * `{ kind, offline, place }` (planned). With plain names a copy's place is never named, so
 * the off-site part cannot be confirmed. The lead may fold this into one backup module.
 */
import type { BiaSystem } from '../answers/schema.ts';

/** A medium that is reachable over the network by its nature, so never the offline copy. */
const ONLINE_MEDIUM = /NAS|クラウド|cloud|サーバ|server|オンライン|事業者/i;
/** A "copy" that is the service itself (a provider's own storage) is the original, not a backup. */
const PROVIDER_ITSELF = /事業者の保管|プロバイダ|provider/i;

interface Copy {
  kind: string;
  offline?: boolean;
  offsite?: boolean;
  place?: string;
}

export interface Backup321 {
  meets: boolean;
  /** What is missing, in Japanese, one entry per part of the rule (empty when met). */
  missing: string[];
}

function copiesOf(system: BiaSystem): Copy[] {
  const media = (system.backup?.media ?? []) as unknown[];
  return media.flatMap((medium): Copy[] => {
    if (typeof medium === 'string') return [{ kind: medium }];
    if (medium && typeof medium === 'object' && typeof (medium as Copy).kind === 'string') return [medium as Copy];
    return [];
  });
}

export function backupMeets321(system: BiaSystem): Backup321 {
  const backup = system.backup;
  if (!backup) return { meets: false, missing: ['バックアップが回答にない'] };
  const copies = copiesOf(system).filter((copy) => !PROVIDER_ITSELF.test(copy.kind));
  const missing: string[] = [];
  const providers = copiesOf(system).length - copies.length;
  const count = Math.min(backup.copies - providers, copies.length);
  if (count < 2)
    missing.push(`本番のほかのコピーが${Math.max(count, 0)}つ（2つ要る）${providers > 0 ? '。事業者側の保管は本番そのものでコピーに数えない' : ''}`);
  const kinds = new Set(
    copies.map((copy) =>
      copy.kind
        .normalize('NFKC')
        .replace(/[（(].*$/, '')
        .trim(),
    ),
  );
  if (kinds.size < 2) missing.push(`媒体が${kinds.size}種類（2種類要る）`);
  const structured = copies.some((copy) => copy.offline !== undefined || copy.place !== undefined);
  if (structured) {
    const offline = copies.filter((copy) => copy.offline === true && !ONLINE_MEDIUM.test(copy.kind));
    if (offline.length === 0) missing.push('オフラインのコピーがない（NAS やクラウドはネットワークにつながっている）');
    else if (!offline.some((copy) => copy.offsite !== false && copy.place !== undefined && copy.place.trim() !== ''))
      missing.push('オフラインのコピーの置き場所（離れた場所）が書かれていない');
  } else {
    if (!backup.offline || copies.every((copy) => ONLINE_MEDIUM.test(copy.kind)))
      missing.push('オフラインのコピーがない（NAS やクラウドはネットワークにつながっている）');
    else missing.push('オフラインのコピーの置き場所（離れた場所）が回答にない');
  }
  return { meets: missing.length === 0, missing };
}
