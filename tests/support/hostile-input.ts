import fc from 'fast-check'
import { norwegianDate } from '~/utils/opening-form'

// Arbitraries for hostile user input, shared by the schema fuzz tests (tests/unit/schema-fuzz.test.ts) and the
// action and loader fuzz tests (tests/integration/action-fuzz.test.ts).

// CI explores the same inputs every run, so a red build can be reproduced and nothing lands on luck; FUZZ_SEED picks
// other inputs (a failure prints the seed it used), and locally every run draws new ones.
const fuzzSeed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261202 : undefined
if (fuzzSeed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: fuzzSeed })

/** Injection attempts and odd values that have broken web apps before. */
export const injectionStrings: readonly string[] = [
  `'; drop table users;--`,
  `" or 1=1 --`,
  `1' or '1'='1`,
  `'); delete from cases where ('1'='1`,
  `$1; select pg_sleep(5);`,
  `\\'; truncate audit_log; --`,
  `<script>alert(1)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `<svg/onload=alert('x')>`,
  `javascript:alert(document.cookie)`,
  `</textarea><script>alert(1)</script>`,
  `{{7*7}}`,
  '${7*7}',
  `%00`,
  `%27%20or%201%3D1`,
  `../../../../etc/passwd`,
  `__proto__`,
  `constructor`,
  `toString`,
  `null`,
  `undefined`,
  `NaN`,
  `Infinity`,
  `-1`,
  `0`,
  `1e309`,
  `0x10`,
  `9`.repeat(400),
  ` `,
  `\u00a0`,
  ``,
]

/** Unicode that is valid text and must survive verbatim: astral planes, emoji sequences, RTL, combining marks. */
export const unicodeStrings: readonly string[] = [
  'Ærlig øl på Åsane',
  '𝕳𝖊𝖑𝖑𝖔 𝟘𝟙𝟚',
  '👩‍👩‍👧‍👦🏳️‍🌈👍🏽',
  'שלום עולם مرحبا',
  '\u202eRTL override\u202c',
  'e\u0301 a\u0308 Z̴̡̧͔̈́a̷͎̓l̸̺̈g̵̱͑o̶͕͛',
  'zero\u200bwidth\u200djoiner\ufeff',
  '漢字かなカナ한국어',
  'ſ ß ẞ ﬁ Ⅻ',
  '\u2028line\u2029paragraph',
  'tab\there\r\nnewline\nend',
]

/** Characters PostgreSQL or the UTF-8 encoder cannot store as given: NUL, other C0/C1 controls, lone surrogates. */
export const unstorableStrings: readonly string[] = ['\u0000', 'a\u0000b', '\u0001\u0002\u001b[31m', '\u007f', '\u0085\u009b', '\u000b\u000c', '\ud800', 'x\udfffy', '\udbff\ud7ff']

/** Control characters other than tab, line feed and carriage return, and lone surrogates. */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Whether the text holds a character a form must refuse (the same rule as app/utils/form-text.ts, written apart). */
export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text)
}

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...injectionStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...unicodeStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...unstorableStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
)

/** A long string (1 000 to `maxLength` characters) built by repeating a hostile piece. */
export function hugeString(maxLength = 100_000): fc.Arbitrary<string> {
  return fc.tuple(fragment.filter((piece) => piece.length > 0), fc.integer({ min: 1_000, max: maxLength })).map(([piece, length]) => {
    const repeated = piece.repeat(Math.ceil(length / piece.length))
    // Cut at a code point boundary so that a cut never makes a lone surrogate the piece did not have.
    return Array.from(repeated).slice(0, length).join('')
  })
}

export type HostileStringOptions = {
  /** Whether NUL, control characters and lone surrogates may appear (default true). */
  unstorable?: boolean
  /** The longest huge string (default 100 000). */
  maxLength?: number
}

/** Any hostile text: injections, odd unicode, controls, mixtures of them, and now and then a huge string. */
export function hostileString(options: HostileStringOptions = {}): fc.Arbitrary<string> {
  const mixed = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''))
  const any = fc.oneof(
    { weight: 4, arbitrary: fragment },
    { weight: 4, arbitrary: mixed },
    { weight: 1, arbitrary: hugeString(options.maxLength) },
  )
  return options.unstorable === false ? any.filter((text) => !hasUnstorableCharacter(text)) : any
}

/** Text a form should accept and store as it is: hostile, but no controls or lone surrogates, and of a given size. */
export function storableText(options: { minLength?: number; maxLength: number }): fc.Arbitrary<string> {
  const min = options.minLength ?? 1
  const pieces = fc.array(
    fc.oneof(fc.constantFrom(...injectionStrings, ...unicodeStrings), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 })),
    { minLength: 1, maxLength: 8 },
  )
  return pieces
    .map((parts) => parts.join(' ').trim())
    .filter((text) => !hasUnstorableCharacter(text) && text.length >= min && text.length <= options.maxLength)
}

/** A value of the wrong type for a form field, or a hostile string. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, -0, Number.MAX_SAFE_INTEGER, 10n ** 30n) },
  { weight: 1, arbitrary: fc.array(hostileString(), { maxLength: 4 }) },
  // Objects that cannot be turned into a primitive are left out: without a prototype, or with their own `toString` or
  // `valueOf` that is not a function. Forms never produce them (conform builds plain objects of strings), and
  // z.coerce.number() throws a TypeError converting one.
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.string({ maxLength: 8 }).filter((key) => key !== 'toString' && key !== 'valueOf'),
      hostileString(),
      { maxKeys: 3, noNullPrototype: true },
    ),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
)

/** A plain object with some of `keys` (and a few random ones) set to hostile values: what a schema might be given. */
export function hostileRecord(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const known = fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] })
  const extra = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype')), hostileValue, { maxKeys: 3, noNullPrototype: true })
  return fc.tuple(known, extra).map(([fields, extras]) => {
    // Spread would drop a "__proto__" key; defineProperty keeps it as an own property as a parsed form could have it.
    const value: Record<string, unknown> = { ...fields }
    for (const [key, item] of Object.entries(extras)) Object.defineProperty(value, key, { value: item, enumerable: true, writable: true, configurable: true })
    return value
  })
}

/**
 * Form entries as a browser could post them: the form's own field names (and random ones), each with a hostile
 * value or one of `goodValues` (real ids, enum values) so that parsing now and then gets further than the first check.
 * A name may repeat, as checkboxes do.
 */
export function hostileFormEntries(fieldNames: readonly string[], goodValues: readonly string[] = [], maxEntries = 12): fc.Arbitrary<[string, string][]> {
  const names = fc.oneof(
    { weight: 6, arbitrary: fieldNames.length > 0 ? fc.constantFrom(...fieldNames) : fc.constant('felt') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).filter((name) => name !== 'csrf') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'intent', 'x[0].y', 'a.b[9999999]', 'items[-1]') },
  )
  const values = fc.oneof(
    { weight: 5, arbitrary: hostileString({ maxLength: 20_000 }) },
    { weight: 3, arbitrary: goodValues.length > 0 ? fc.constantFrom(...goodValues) : fc.constant('') },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String) },
  )
  return fc.array(fc.tuple(names, values), { minLength: 0, maxLength: maxEntries })
}

/** A route parameter: a random UUID, a real id, or something that is not a UUID at all. */
export function hostileParam(realIds: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: realIds.length > 0 ? fc.constantFrom(...realIds) : fc.uuid() },
    { weight: 3, arbitrary: hostileString({ maxLength: 5_000 }) },
    { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1', '-1', '9'.repeat(30)) },
  )
}

/** A complete opening form as the employer posts it, starting on `startDate` (ISO), for the schema and action fuzz. */
export function validOpeningForm(startDate: string): Record<string, string> {
  return {
    title: 'Lagermedarbeider',
    description: 'Pakking og mottak.',
    openingType: 'ARBEIDSTRENING',
    hoursMin: '4',
    hoursMax: '10',
    flexibility: 'Etter avtale.',
    mentorAvailable: 'ja',
    startDate: norwegianDate(startDate),
    places: '1',
    hireProspect: 'KANSKJE',
    contactName: 'Kari Nordmann',
  }
}

/** The opening form's free-text fields and their limits. */
export const openingTextFields = [
  { name: 'title', min: 2, max: 200 },
  { name: 'description', max: 4000 },
  { name: 'flexibility', max: 1000 },
  { name: 'contactName', min: 2, max: 200 },
]
