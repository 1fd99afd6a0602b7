/**
 * `bcp migrate`: moves an answers file to another template version. The YAML is edited
 * as a document, so comments and layout stay where the yaml library can keep them:
 * answers to removed slots go, answers to slots that now ask something else are emptied,
 * and new slots appear empty, each with its question as a comment. `bcp check` then
 * points at every empty answer.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isPair, isScalar, parseDocument, Scalar, type Pair, type YAMLMap } from 'yaml';
import { DEFAULT_ANSWERS_FILE } from '../../answers/load.ts';
import { ruleMessage, type RuleId } from '../../errors/catalogue.ts';
import { CURRENT_TEMPLATE_VERSION, TEMPLATE_VERSIONS, diffTemplateVersions, type SlotDefinition, type TemplateDiff } from '../../slots/template.ts';

type Versions = Readonly<Record<string, readonly SlotDefinition[]>>;

export interface MigrateResult {
  from: string;
  to: string;
  diff: TemplateDiff;
  /** The rewritten file. */
  text: string;
  /** Slots whose answer lives outside `slots` (the contact list): the person checks those by hand. */
  elsewhere: SlotDefinition[];
}

export class MigrateError extends Error {
  /** The catalogue's rule id, printed after the message as `bcp check` does. */
  readonly ruleId: RuleId;
  constructor(message: string, ruleId: RuleId = 'template-version-unknown') {
    super(message);
    this.ruleId = ruleId;
  }
}

/** What a slot of this kind looks like before anyone answers it. */
function emptyAnswer(slot: SlotDefinition): unknown {
  if (slot.kind === 'systems' || slot.kind === 'route') return [];
  if (slot.kind === 'report-line') return { from: '', to: '' };
  return '';
}

function slotKey(pair: unknown): number | undefined {
  if (!isPair(pair) || !isScalar(pair.key)) return undefined;
  const key = Number(pair.key.value);
  return Number.isInteger(key) ? key : undefined;
}

export function migrateAnswersText(text: string, to: string, versions: Versions = TEMPLATE_VERSIONS): MigrateResult {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new MigrateError('回答ファイルが YAML として読めません。先に `bcp check` で直してください。', 'answers-yaml-syntax');
  if (text.trim() === '' || doc.contents === null || !isMap(doc.contents)) throw new MigrateError(ruleMessage('answers-empty', {}), 'answers-empty');
  if (!doc.has('templateVersion')) throw new MigrateError(ruleMessage('migrate-no-version', { known: Object.keys(versions).join('、') }), 'migrate-no-version');
  const from = String(doc.get('templateVersion') ?? '');
  const fromSlots = versions[from];
  const toSlots = versions[to];
  const known = Object.keys(versions).join('、');
  if (!fromSlots) throw new MigrateError(ruleMessage('template-version-unknown', { version: from, known }));
  if (!toSlots) throw new MigrateError(ruleMessage('template-version-unknown', { version: to, known }));
  const diff = diffTemplateVersions(fromSlots, toSlots);
  const inSlots = (slot: SlotDefinition) => slot.answerPath === `slots.${slot.id}`;

  let slots = doc.get('slots', true);
  if (!isMap(slots)) {
    doc.set('slots', doc.createNode({}));
    slots = doc.get('slots', true);
  }
  const map = slots as YAMLMap;
  const pairOf = (id: number) => map.items.find((item) => slotKey(item) === id);
  for (const slot of diff.removed.filter(inSlots)) {
    const pair = pairOf(slot.id);
    if (pair) map.items.splice(map.items.indexOf(pair), 1);
  }
  const ask = (slot: SlotDefinition, why: string) => ` #${slot.id}# ${slot.label}（${why}）\n 質問: ${slot.question}\n 見本: ${slot.sample}`;
  for (const slot of diff.changed.filter(inSlots)) {
    const pair = pairOf(slot.id);
    const fresh = doc.createPair(slot.id, emptyAnswer(slot)) as Pair<Scalar, unknown>;
    fresh.key.commentBefore = ask(slot, `ひな形 ${to} で意味が変わったので、前の回答を消しました`);
    if (pair) map.items.splice(map.items.indexOf(pair), 1, fresh);
    else map.items.push(fresh);
  }
  for (const slot of diff.added.filter(inSlots)) {
    const fresh = doc.createPair(slot.id, emptyAnswer(slot)) as Pair<Scalar, unknown>;
    fresh.key.commentBefore = ask(slot, `ひな形 ${to} で増えた枠`);
    // In number order, where a person looks for it.
    const next = map.items.findIndex((item) => (slotKey(item) ?? 0) > slot.id);
    map.items.splice(next < 0 ? map.items.length : next, 0, fresh);
  }
  const version = new Scalar(to);
  version.type = Scalar.QUOTE_DOUBLE;
  doc.set('templateVersion', version);

  const elsewhere = [...diff.added, ...diff.changed, ...diff.removed].filter((slot) => !inSlots(slot));
  return { from, to, diff, text: doc.toString({ lineWidth: 0 }), elsewhere };
}

export interface RunMigrateOptions {
  answersFile?: string;
  /** Default: the version the content is written against. */
  to?: string;
  cwd?: string;
  versions?: Versions;
}

/** Exit code: 0 rewritten (or nothing to do), 2 could not. */
export function runMigrate(options: RunMigrateOptions = {}): number {
  const cwd = options.cwd ?? process.cwd();
  const file = options.answersFile ?? DEFAULT_ANSWERS_FILE;
  const target = path.resolve(cwd, file);
  const to = options.to ?? CURRENT_TEMPLATE_VERSION;
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      console.error(`${file}:1:1  エラー  ${ruleMessage('answers-is-folder', { file })}  answers-is-folder`);
    else console.error(`${file}:1:1  エラー  ${ruleMessage('answers-not-found', { file })}  answers-not-found`);
    return 2;
  }
  let result: MigrateResult;
  try {
    result = migrateAnswersText(text, to, options.versions);
  } catch (error) {
    if (!(error instanceof MigrateError)) throw error;
    console.error(`${file}:1:1  エラー  ${error.message}  ${error.ruleId}`);
    return 2;
  }
  if (result.from === to) {
    console.log(ruleMessage('migrate-same-version', { version: to }));
    return 0;
  }
  const staging = `${target}.${process.pid}.tmp`;
  writeFileSync(staging, result.text);
  renameSync(staging, target);
  const list = (slots: readonly SlotDefinition[]) => slots.map((s) => `#${s.id}#（${s.label}）`).join('、') || 'なし';
  console.log(
    [
      `${file} をひな形 ${result.from} から ${to} に書き換えました。`,
      `  増えた枠（空にしました）: ${list(result.diff.added)}`,
      `  意味が変わった枠（前の回答を消しました）: ${list(result.diff.changed)}`,
      `  なくなった枠（回答を消しました）: ${list(result.diff.removed)}`,
      ...(result.elsewhere.length > 0 ? [`  連絡先一覧（contacts）から取る枠は手で確かめてください: ${list(result.elsewhere)}`] : []),
      '続けて `npm run check` を実行し、空の欄を埋めてください。変更は改訂履歴（revisions）にも1件足します。',
    ].join('\n'),
  );
  return 0;
}
