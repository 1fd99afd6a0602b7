/**
 * The JSON Schema editors use to complete and check answers.yaml (referenced from the
 * file's `yaml-language-server` comment). Generated from the zod schema; a test fails
 * when the committed copy is stale.
 */
import { writeFile } from 'node:fs/promises';
import * as z from 'zod';
import { answersSchema } from './schema.ts';

export const JSON_SCHEMA_FILE = 'answers/answers.schema.json';

export function answersJsonSchema(): string {
  const schema = z.toJSONSchema(answersSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'サイバー対応 IT-BCP 回答ファイル' }, null, 2)}\n`;
}

export async function writeAnswersJsonSchema(file = JSON_SCHEMA_FILE): Promise<string> {
  await writeFile(file, answersJsonSchema());
  return file;
}
