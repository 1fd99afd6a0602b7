/**
 * Where a field sits in a YAML file: shared by every loader that reports problems with
 * a line and column (the answers and the glossary).
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

/** Whether the parsed data has a value at `fieldPath` (zod does not echo inputs). */
export function hasPath(data: unknown, fieldPath: readonly PropertyKey[]): boolean {
  let value = data;
  for (const key of fieldPath) {
    if (value === null || typeof value !== 'object' || !(String(key) in value)) return false;
    value = (value as Record<string, unknown>)[String(key)];
  }
  return value !== undefined && value !== null;
}

/** The key and value nodes at `fieldPath`, or undefined when the path is not in the file. */
export function nodeAt(doc: Document, fieldPath: readonly PropertyKey[]): { key?: YamlNode; value: unknown } | undefined {
  let key: YamlNode | undefined;
  let node: unknown = doc.contents;
  for (const step of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return undefined;
      key = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      if (step >= node.items.length) return undefined;
      key = undefined;
      node = node.items[step];
    } else {
      return undefined;
    }
  }
  return { key, value: node };
}

/**
 * The source offset of the deepest node along `fieldPath` that exists; with `onKey`, of
 * the last key rather than its value. A missing key points at the key of the object
 * that lacks it (`plan:`), where a person adds it.
 */
export function offsetOf(doc: Document, fieldPath: readonly PropertyKey[], onKey = false): number {
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let offset = node?.range?.[0] ?? 0;
  let parentKeyOffset: number | undefined;
  for (let i = 0; i < fieldPath.length; i++) {
    const key = fieldPath[i];
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) {
        offset = parentKeyOffset ?? offset;
        break;
      }
      const keyOffset = (pair.key as YamlNode).range?.[0] ?? offset;
      if ((onKey && i === fieldPath.length - 1) || !pair.value) {
        offset = keyOffset;
        break;
      }
      parentKeyOffset = keyOffset;
      node = pair.value as YamlNode;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) break;
      parentKeyOffset = item.range?.[0];
      node = item;
    } else {
      break;
    }
    offset = node?.range?.[0] ?? offset;
  }
  return offset;
}
