/**
 * The answers file schema: what a company writes in `answers/answers.yaml`.
 *
 * Every object is strict, so a misspelt key is reported instead of silently ignored.
 * Messages for the checks that zod cannot phrase itself are Japanese here; the rest
 * are worded by `error-map.ts`.
 */
import * as z from 'zod';
import { OUTSIDE_RESPONDER_ID } from '../template/slots.ts';

// C0 controls except none: single-line answers hold no tab, newline or other control.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function line(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: '空です。値を書いてください。' })
    .max(max, { error: `長すぎます（${max}文字まで）。短くしてください。` })
    .refine((v) => !CONTROL.test(v), { error: '改行・タブなどの制御文字は使えません。1行の文字で書いてください。' });
}

/** A role or department name (never a person's name). */
export const roleName = line(40).meta({ description: '役職名または部署名（個人名は書かない）' });

export const phoneNumber = z
  .string()
  .trim()
  .regex(/^(\+81-?)?0\d{1,4}-\d{1,4}-\d{3,4}$/, {
    error: '電話番号は半角の数字とハイフンで「06-1234-5678」「090-1234-5678」のように書いてください。',
  })
  .meta({ description: '電話番号（例: 06-1234-5678）' });

export const duration = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,2}(分|時間|日)以内$/, {
    error: '時間は「2時間以内」「30分以内」「3日以内」のように、数字・単位（分・時間・日）・「以内」で書いてください。',
  })
  .meta({ description: '目標時間（例: 2時間以内）' });

export const frequency = z
  .string()
  .trim()
  .regex(/^(年|半年|四半期|月)[1-9]\d{0,1}回(以上)?$/, {
    error: '頻度は「年1回」「年2回以上」「半年1回」「月1回」のように書いてください。',
  })
  .meta({ description: '実施頻度（例: 年1回、年1回以上）' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日付は「2026-04-01」のように 年-月-日 で書いてください。' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    error: 'ありえない日付です。',
  })
  .meta({ description: '日付（YYYY-MM-DD）' });

const email = z.email({ error: 'メールアドレスの形になっていません（例: it@example.co.jp）。' });

export const slotsSchema = z
  .strictObject({
    1: roleName,
    2: roleName,
    3: roleName,
    4: line(80).meta({ description: '判断基準3の前半（「…し、」で終わる句）' }),
    5: line(80).meta({ description: '判断基準4の前半（「…により」で終わる句）' }),
    6: z.array(line(60)).min(1, { error: 'システムを1つ以上挙げてください。' }).meta({ description: 'ログを記録・収集しているシステム' }),
    7: duration,
    8: z.array(roleName).min(2, { error: '報告の順番を2つ以上の役職で書いてください。' }).meta({ description: 'エスカレーションルート（順番どおり）' }),
    9: duration,
    10: roleName,
    13: z.strictObject({ from: roleName, to: roleName }).meta({ description: '日次の進捗報告（from から to へ）' }),
    14: roleName,
    15: frequency,
    16: frequency,
    17: frequency,
    18: frequency,
  })
  .partial()
  .meta({ description: 'ひな形の枠ごとの回答。11・12 は contacts の outside-responder から取る。' });

export const contactSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id は半角英小文字・数字・ハイフンで書いてください（例: security-officer）。' }),
    role: roleName,
    organisation: line(60).optional().meta({ description: '社外の連絡先の会社・団体名' }),
    person: line(40).optional().meta({ description: '担当者の氏名' }),
    phone: phoneNumber.optional(),
    mobile: phoneNumber.optional().meta({ description: '携帯電話（社内ネットワークが止まってもつながる番号）' }),
    email: email.optional(),
    note: line(200).optional(),
  })
  .refine((c) => c.phone !== undefined || c.mobile !== undefined || c.email !== undefined, {
    error: '連絡手段（phone・mobile・email のどれか）を1つ以上書いてください。',
  });

export const revisionSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+$/, { error: '版は「1.0」「1.1」のように書いてください。' }),
  date: isoDate,
  summary: line(200),
  approvedBy: roleName.meta({ description: '承認した役職' }),
});

export const answersSchema = z
  .strictObject({
    templateVersion: z.string().meta({ description: 'この回答が答えているひな形の版（例: "1.0"）' }),
    company: z.strictObject({
      name: line(60),
      shortName: line(30).optional(),
      industry: line(80).optional(),
      employees: z.int().positive().optional(),
      address: line(120).optional(),
    }),
    plan: z.strictObject({
      title: line(60),
      confidentiality: line(20).meta({ description: '表紙とフッターに出す機密区分（例: 社外秘）' }),
    }),
    slots: slotsSchema,
    contacts: z.array(contactSchema).min(1, { error: '連絡先を1件以上書いてください。' }),
    revisions: z.array(revisionSchema).min(1, { error: '改訂履歴を1件以上書いてください。' }),
  })
  .superRefine((answers, ctx) => {
    const seen = new Set<string>();
    answers.contacts.forEach((contact, index) => {
      if (seen.has(contact.id)) {
        ctx.addIssue({ code: 'custom', path: ['contacts', index, 'id'], message: `id「${contact.id}」が重複しています。連絡先ごとに別の id にしてください。` });
      }
      seen.add(contact.id);
    });
    const responder = answers.contacts.find((c) => c.id === OUTSIDE_RESPONDER_ID);
    if (responder && responder.organisation === undefined) {
      const index = answers.contacts.indexOf(responder);
      ctx.addIssue({ code: 'custom', path: ['contacts', index], message: '外部専門家（outside-responder）には organisation（会社名）を書いてください。' });
    }
  });

export type Answers = z.infer<typeof answersSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type SlotAnswers = z.infer<typeof slotsSchema>;
