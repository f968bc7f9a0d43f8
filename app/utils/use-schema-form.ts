import { useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { z, ZodTypeAny } from 'zod'

type FormOptions<Schema extends ZodTypeAny> = Parameters<typeof useForm<z.input<Schema>>>[0]

/**
 * conform's form state for a zod schema, as every form here wants it: checked in the browser on blur and again on
 * input once a field has an error, and always on the server (the action parses with the same schema).
 */
export function useSchemaForm<Schema extends ZodTypeAny>(
  schema: Schema,
  options: { id: string; lastResult: FormOptions<Schema>['lastResult']; defaultValue?: FormOptions<Schema>['defaultValue'] },
) {
  return useForm<z.input<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}
