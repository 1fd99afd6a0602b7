/** Orders glossary terms by their reading and groups them by 五十音 row (あ行, か行, …). */
import type { GlossaryTerm } from './schema.ts';

const ROWS: ReadonlyArray<[label: string, id: string, kana: string]> = [
  ['あ', 'a', 'ぁあぃいぅうゔぇえぉお'],
  ['か', 'ka', 'かがきぎくぐけげこご'],
  ['さ', 'sa', 'さざしじすずせぜそぞ'],
  ['た', 'ta', 'ただちぢっつづてでとど'],
  ['な', 'na', 'なにぬねの'],
  ['は', 'ha', 'はばぱひびぴふぶぷへべぺほぼぽ'],
  ['ま', 'ma', 'まみむめも'],
  ['や', 'ya', 'ゃやゅゆょよ'],
  ['ら', 'ra', 'らりるれろ'],
  ['わ', 'wa', 'ゎわゐゑをん'],
];

export interface ReadingGroup {
  /** The row's first kana, e.g. `か`. */
  label: string;
  /** ASCII anchor of the group on the glossary page, e.g. `kana-ka`. */
  anchor: string;
  terms: GlossaryTerm[];
}

const collator = new Intl.Collator('ja');

export function rowOf(reading: string): string {
  const first = reading[0] ?? '';
  return ROWS.find(([, , kana]) => kana.includes(first))?.[0] ?? 'わ';
}

/** Terms sorted by reading, in 五十音 rows; rows with no term are left out. */
export function groupByReading(terms: readonly GlossaryTerm[]): ReadingGroup[] {
  const sorted = [...terms].sort((a, b) => collator.compare(a.reading, b.reading) || collator.compare(a.term, b.term));
  return ROWS.map(([label, id]) => ({ label, anchor: `kana-${id}`, terms: sorted.filter((t) => rowOf(t.reading) === label) })).filter(
    (g) => g.terms.length > 0,
  );
}
