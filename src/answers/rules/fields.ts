/** Every string of the answers with its path, for the rules that read all free text. */
import type { Answers } from '../schema.ts';
import type { FieldPath } from './context.ts';

export interface StringField {
  path: FieldPath;
  value: string;
}

/** `skip(path, key)` leaves out a field and everything under it. */
export function stringFields(answers: Answers, skip: (path: FieldPath, key: string) => boolean = () => false): StringField[] {
  const found: StringField[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') found.push({ path, value: node });
    else if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...path, index]));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) if (!skip(path, key)) walk(value, [...path, key]);
    }
  };
  walk(answers, []);
  return found;
}
