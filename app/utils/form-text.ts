import { parseWithZod } from '@conform-to/zod'
import { z } from 'zod'

/**
 * Free text from forms. PostgreSQL cannot store U+0000 in text at all (the insert fails, which was a 500), and other
 * control characters and lone surrogates are never typed on purpose: they come with text pasted from elsewhere or from
 * someone probing the site, would not survive the UTF-8 round trip as written, and could garble the pages and e-mails
 * the text is shown in. So every free-text field refuses them with a message instead. Tab and line breaks are text.
 * Everything else (any script, emoji, right-to-left marks, combining marks, markup) is stored exactly as typed and
 * escaped when shown.
 */

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls; lone surrogates. */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export const UNSTORABLE_TEXT_MESSAGE =
  'Teksten inneholder usynlige kontrolltegn som ikke kan lagres. De følger ofte med når tekst limes inn fra et annet program. Skriv teksten på nytt, eller lim den inn som ren tekst.'

/** The longest text any form field takes, even one without a limit of its own: more is never typed by a person. */
export const MAX_FORM_TEXT = 10_000

export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text)
}

/**
 * A text schema (usually `z.string().trim().min(…).max(…)`) that also refuses control characters and lone surrogates,
 * and text beyond MAX_FORM_TEXT. Still takes `.default('')`, `.optional()` and `.refine(…)` like the schema it wraps.
 */
export function plainText<T extends z.ZodString>(schema: T) {
  return schema.superRefine((text, context) => {
    if (hasUnstorableCharacter(text)) context.addIssue({ code: 'custom', message: UNSTORABLE_TEXT_MESSAGE })
    // Only when the wrapped schema has no limit of its own; its own message says more.
    if (text.length > MAX_FORM_TEXT && (schema.maxLength ?? Infinity) > MAX_FORM_TEXT) {
      context.addIssue({ code: 'too_big', type: 'string', maximum: MAX_FORM_TEXT, inclusive: true, message: `Høyst ${MAX_FORM_TEXT} tegn.` })
    }
  })
}

/** An optional free-text field: trimmed, at most `max` characters, empty when left out. */
export function optionalText(max: number) {
  return plainText(z.string().trim().max(max, `Høyst ${max} tegn.`)).default('')
}

/** More choices than any list in a form offers. */
export const MAX_FORM_LIST = 500

/**
 * A list field (checkboxes, repeated inputs) that refuses an oversized list before it is looked at item by item.
 * conform builds a list from field names such as `days[999999]`, so one short form can make a list of millions of
 * empty items, and zod then checks every one of them (seconds of CPU and hundreds of megabytes per request; enough
 * of them stop the server). `max` is the schema's own limit, when it has one, or MAX_FORM_LIST.
 */
export function boundedList<T extends z.ZodArray<z.ZodTypeAny>>(schema: T) {
  const max = schema._def.maxLength?.value ?? MAX_FORM_LIST
  // z.preprocess types its input as unknown; the form's input is the list's.
  return z.preprocess((value, context) => {
    if (!Array.isArray(value) || value.length <= max) return value
    context.addIssue({ code: 'too_big', type: 'array', maximum: max, inclusive: true, message: schema._def.maxLength?.message ?? `Høyst ${max} valg.` })
    return value.slice(0, max)
  }, schema) as unknown as z.ZodEffects<T>
}

/** Whether a field name holds a list index above MAX_FORM_LIST, such as `x[100000000]`. */
export function hasHugeListIndex(name: string): boolean {
  for (const match of name.matchAll(/\[(\d+)\]/g)) if (Number(match[1]) > MAX_FORM_LIST) return true
  return false
}

/**
 * conform's parseWithZod, minus fields whose names hold a list index no form has. conform turns `x[100000000]` into a
 * list of a hundred million empty items, and the reply a refused form sends back echoes it: one 20-byte field name
 * made a 500 MB response and half a minute of CPU. No real form posts such a name, so it is dropped unread.
 */
export function parseForm<Schema extends z.ZodTypeAny>(formData: FormData, options: { schema: Schema }) {
  let kept = formData
  if ([...formData.keys()].some(hasHugeListIndex)) {
    kept = new FormData()
    for (const [name, value] of formData.entries()) if (!hasHugeListIndex(name)) kept.append(name, value)
  }
  return parseWithZod(kept, options)
}
