/**
 * Japanese wording for everything that can go wrong before the schema sees the answers:
 * the file's bytes (size, encoding) and the YAML syntax. Every error code of the `yaml`
 * package has a sentence here (the Record type makes a new code a type error), so no
 * English parser message reaches the person editing the file.
 */
import type { ErrorCode } from 'yaml';

/** Answers are a few kilobytes; anything this large is the wrong file or an attack on the parser. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

const YAML_ERRORS: Record<ErrorCode | 'ALIAS_UNRESOLVED', string> = {
  ALIAS_PROPS: 'エイリアス（*名前）にアンカーやタグは付けられません。',
  BAD_ALIAS: 'エイリアス（*名前）の書き方が正しくありません。',
  ALIAS_UNRESOLVED: '先に「&名前」で定義していないエイリアス（*名前）を使っています。',
  BAD_DIRECTIVE: '「%」で始まる行（ディレクティブ）が読めません。消してください。',
  BAD_DQ_ESCAPE: '二重引用符（"…"）の中の「\\」の使い方が正しくありません。「\\」を消すか、単一引用符（\'…\'）で囲んでください。',
  BAD_INDENT: '字下げがずれています。同じ階層の項目は同じ数の半角スペースでそろえてください。',
  BAD_PROP_ORDER: 'アンカー（&）とタグ（!）の順番が正しくありません。',
  BAD_SCALAR_START: '値の先頭の記号が使えません。値を引用符で囲んでください。',
  BLOCK_AS_IMPLICIT_KEY: '項目名の後ろの「:」の位置か字下げが正しくありません。値に「: 」を含めるときは引用符で囲んでください。',
  BLOCK_IN_FLOW: '[ ] や { } の中に、字下げで書く一覧や項目は入れられません。',
  DUPLICATE_KEY: '同じ項目名が2回書かれています。1つにまとめてください。',
  IMPOSSIBLE: 'YAML として読めない書き方です。',
  KEY_OVER_1024_CHARS: '項目名が長すぎるか、「:」が見つかりません。「項目名: 値」の形で書いてください。',
  MISSING_CHAR: '閉じ記号（引用符や括弧）が足りません。',
  MULTILINE_IMPLICIT_KEY: '項目名が複数行にまたがっています。「項目名: 値」を1行に書いてください。',
  MULTIPLE_ANCHORS: '1つの値にアンカー（&）が2つ付いています。',
  MULTIPLE_DOCS: '「---」で区切られた文書が2つ以上あります。回答は1つの文書にまとめてください。',
  MULTIPLE_TAGS: '1つの値にタグ（!）が2つ付いています。',
  NON_STRING_KEY: '項目名に一覧や入れ子は使えません。文字か数字で書いてください。',
  RESOURCE_EXHAUSTION: 'エイリアス（*名前）の参照が多すぎます。同じ値は繰り返し書いてください。',
  TAB_AS_INDENT: '字下げにタブが使われています。半角スペースで字下げしてください。',
  TAG_RESOLVE_FAILED: '知らないタグ（!）が付いています。消してください。',
  UNEXPECTED_TOKEN: '思いがけない記号があります。値に「:」「#」「[」などを含めるときは引用符で囲んでください。',
  BAD_COLLECTION_TYPE: '一覧と項目の書き方が混ざっています。',
};

/**
 * The Japanese sentence for a YAML error code (or `text` when the caller knows more),
 * then `extra` sentences, ending with the code for people who search for it.
 */
export function yamlErrorText(code: string, extra = '', text?: string): string {
  const sentence = text ?? (YAML_ERRORS as Record<string, string>)[code] ?? 'YAML として読めない書き方です。';
  return `${sentence}${extra}（${code}）`;
}

/** A duplicated key named with both of its lines: the parser only knows the second. */
/**
 * The parser's RESOURCE_EXHAUSTION at parse time: it ran out of stack on lists or maps nested
 * too deep (aliases are only counted later, when the values are read). Not an alias problem.
 */
export const NESTING_TOO_DEEP =
  '[ ] や { }、字下げの一覧が深く入れ子になりすぎていて読めません。回答の入れ子は数段までです。括弧の閉じ忘れや余分な「[」「-」がないか確かめてください。';

export function duplicateKeyText(key: string, firstLine: number, secondLine: number): string {
  return `項目名「${key}」が ${firstLine} 行目と ${secondLine} 行目の2回書かれています。どちらかを消して1つにまとめてください。`;
}

/**
 * The field path a person would say the line at `offset` belongs to (`slots.9`,
 * `contacts[2].phone`), read from the indentation of the lines up to it. A broken file
 * has no trustworthy syntax tree, but its indentation still shows where the person was.
 */
export function pathNear(source: string, offset: number): (string | number)[] {
  const lineEnd = source.indexOf('\n', offset);
  const lines = source.slice(0, lineEnd === -1 ? source.length : lineEnd).split('\n');
  const stack: Array<{ indent: number; key: string | number }> = [];
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      stack.length = 0; // A new document starts from the top.
      continue;
    }
    const indent = /^[ \t]*/.exec(line)![0].length;
    let rest = line.slice(indent);
    if (rest === '' || rest.startsWith('#')) continue;
    let at = indent;
    if (/^-(\s|$)/.test(rest)) {
      while (stack.length > 0 && stack.at(-1)!.indent > at) stack.pop();
      const previous = stack.at(-1);
      const index = previous && previous.indent === at && typeof previous.key === 'number' ? previous.key + 1 : 0;
      if (index > 0) stack.pop();
      stack.push({ indent: at, key: index });
      const after = rest.slice(1);
      const gap = /^\s*/.exec(after)![0].length;
      at += 1 + gap;
      rest = after.slice(gap);
    }
    const key = /^("[^"]*"|'[^']*'|[^\s#:"'{[][^:#]*?)\s*:(\s|$)/.exec(rest)?.[1];
    if (key === undefined) continue;
    // Siblings and anything deeper end here; a list item further left (`- id: …`) stays.
    while (stack.length > 0 && stack.at(-1)!.indent >= at) stack.pop();
    stack.push({ indent: at, key: key.replace(/^["']|["']$/g, '') });
  }
  return stack.map((entry) => entry.key);
}

/** The byte offset of the first byte that is not valid UTF-8, or -1 when all is valid. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Find where: walk the sequences by their lead bytes.
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i]!;
      const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (length === 0 || i + length > bytes.length) return i;
      for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
      i += length;
    }
    return 0;
  }
}

/** Line and column (1-based, in characters) of a byte offset, counting only the valid text before it. */
export function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).replace(/^\uFEFF/, '');
  return { line, column: before.length + 1 };
}

/** Why the bytes are not UTF-8 text, in Japanese. */
export function encodingProblem(bytes: Uint8Array): { offset: number; detail: string } | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { offset: 0, detail: 'UTF-16 で保存されています' };
  }
  const offset = invalidUtf8Offset(bytes);
  return offset === -1 ? undefined : { offset, detail: 'UTF-8 にない文字のバイトがあります。Shift_JIS で保存されていませんか' };
}
