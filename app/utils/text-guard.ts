/**
 * Free-text guard for a candidate's anonymised profile. Run it on every free-text field
 * before saving: findings with severity 'block' (national ID numbers, phone numbers,
 * e-mail addresses, web addresses, the candidate's own names) must be removed; 'warn'
 * findings (words that look like a diagnosis or treatment) ask the specialist to
 * describe needs and resources instead. Pure: no I/O, safe in the browser and on the server.
 *
 * The guard is a safety net, not a guarantee of anonymity: see the limits in
 * tests/unit/text-guard.test.ts and the word-list notes in diagnosis-words.ts.
 */
import { idnr } from '@navikt/fnrvalidator'
import { DIAGNOSIS_TERMS, NOT_DIAGNOSIS, TREATMENT_TERMS } from './diagnosis-words'

export type TextFinding = {
  kind: 'national-id' | 'phone' | 'email' | 'url' | 'own-name' | 'diagnosis'
  severity: 'block' | 'warn'
  /** The offending words exactly as written in the text. */
  match: string
  /** Start offset of `match` in the text. */
  index: number
  /** Norwegian (bokmål), quoting the offending words. */
  message: string
}

export const DIAGNOSIS_REASON = 'Beskriv behov og ressurser, ikke diagnoser eller behandling.'

const ANONYMOUS = 'profilen skal være anonym.'

/** A letter (with any combining mark) or a digit: what words are made of. */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`

type Candidate = { finding: TextFinding; rank: number }

/**
 * Every finding in `text`, sorted by position. Where two rules match overlapping text,
 * the stronger rule wins (national ID, e-mail, web address, phone, name, diagnosis, in
 * that order), then the longer match, so an e-mail address that contains the
 * candidate's name is reported once, as an e-mail address.
 */
export function checkFreeText(text: string, options: { ownNames?: string[] } = {}): TextFinding[] {
  if (!text) return []
  const rules: ((text: string) => TextFinding[])[] = [
    findNationalIds,
    findEmails,
    findUrls,
    findPhones,
    (t) => findOwnNames(t, options.ownNames ?? []),
    findDiagnoses,
  ]
  const candidates: Candidate[] = rules.flatMap((rule, rank) => rule(text).map((finding) => ({ finding, rank })))
  candidates.sort(
    (a, b) => a.rank - b.rank || b.finding.match.length - a.finding.match.length || a.finding.index - b.finding.index,
  )
  const kept: TextFinding[] = []
  for (const { finding } of candidates) {
    if (!kept.some((other) => overlaps(other, finding))) kept.push(finding)
  }
  return kept.sort((a, b) => a.index - b.index)
}

export function blockingFindings(findings: TextFinding[]): TextFinding[] {
  return findings.filter((finding) => finding.severity === 'block')
}

export function warningFindings(findings: TextFinding[]): TextFinding[] {
  return findings.filter((finding) => finding.severity === 'warn')
}

function overlaps(a: TextFinding, b: TextFinding): boolean {
  return a.index < b.index + b.match.length && b.index < a.index + a.match.length
}

function block(kind: TextFinding['kind'], match: string, index: number, message: string): TextFinding {
  return { kind, severity: 'block', match, index, message }
}

// ---------------------------------------------------------------------------------------
// National ID numbers (fødselsnummer, D-nummer, H-nummer, synthetic test numbers)

/** 11 digits, or 6 + 5 with one space, dot or dash between (birth date, then the rest). */
const NATIONAL_ID = /(?<!\d)(\d{6})[ \u00a0.-]?(\d{5})(?!\d)/g

function findNationalIds(text: string): TextFinding[] {
  const findings: TextFinding[] = []
  for (const m of text.matchAll(NATIONAL_ID)) {
    // Only valid numbers: 11 digits with a wrong checksum are something else (an account
    // number, a reference), and are not reported as anything else either.
    if (idnr(`${m[1]}${m[2]}`).status !== 'valid') continue
    findings.push(
      block('national-id', m[0], m.index, `«${m[0]}» ser ut som et fødselsnummer eller D-nummer. Ta det bort: ${ANONYMOUS}`),
    )
  }
  return findings
}

// ---------------------------------------------------------------------------------------
// Phone numbers

/**
 * Norwegian and international numbers together. A Norwegian-looking tail of a foreign
 * number ("7946 0958" in "+44 20 7946 0958") gives way to the whole number; otherwise
 * the Norwegian reading wins, since the international one may take a following number
 * ("+47 41234567 20 timer").
 */
function findPhones(text: string): TextFinding[] {
  const international = findInternationalPhones(text)
  const norwegian = findNorwegianPhones(text).filter(
    (phone) => !international.some((other) => other.index < phone.index && overlaps(other, phone)),
  )
  return [...norwegian, ...international.filter((phone) => !norwegian.some((other) => overlaps(other, phone)))]
}

function phoneFinding(match: string, index: number): TextFinding {
  return block('phone', match, index, `«${match}» ser ut som et telefonnummer. Ta det bort: ${ANONYMOUS}`)
}

/**
 * Norwegian numbers: eight digits starting with 2–9 (0 and 1 start no subscriber number),
 * written 41234567, 412 34 567, 41 23 45 67 (or 41.23.45.67), 4123 4567, optionally after
 * +47, 0047 or (+47). Only spaces separate groups (and dots in pairs of two): a dash would
 * turn ranges such as "2019-2023" and "22.00-06.00" into phone numbers.
 */
const NORWEGIAN_PHONE = new RegExp(
  String.raw`(?<![\p{N}+])(?<!\d\.)` +
    String.raw`(?:(?:\(\+47\)|\+47|0047)[ \u00a0-]?)?` +
    String.raw`(?:[2-9]\d(?<sep>[ \u00a0.])\d\d\k<sep>\d\d\k<sep>\d\d` +
    String.raw`|[2-9]\d\d[ \u00a0]\d\d[ \u00a0]\d\d\d` +
    String.raw`|[2-9]\d{3}[ \u00a0]\d{4}` +
    String.raw`|[2-9]\d{7})` +
    String.raw`(?!\p{N})(?!\.\d)`,
  'gu',
)

function findNorwegianPhones(text: string): TextFinding[] {
  const findings: TextFinding[] = []
  for (const m of text.matchAll(NORWEGIAN_PHONE)) {
    if (isYearPair(m[0]) || isCompactDate(m[0]) || isAmount(text, m.index + m[0].length)) continue
    findings.push(phoneFinding(m[0], m.index))
  }
  return findings
}

/** "2019 2023" is two years, not 4123 4567. */
function isYearPair(match: string): boolean {
  return /^(?:19|20)\d\d[ \u00a0](?:19|20)\d\d$/.test(match)
}

/** "15012027" (ddmmyyyy) and "20270115" (yyyymmdd) are dates when written without spaces. */
function isCompactDate(match: string): boolean {
  if (!/^\d{8}$/.test(match)) return false
  const valid = (day: number, month: number, year: number) =>
    year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31
  const n = (from: number, to: number) => Number(match.slice(from, to))
  return valid(n(0, 2), n(2, 4), n(4, 8)) || valid(n(6, 8), n(4, 6), n(0, 4))
}

/** "25000000 kr" and "25000000,-" are amounts. */
function isAmount(text: string, end: number): boolean {
  return /^[ \u00a0]*(?:kr\b|kroner|nok\b|,-)/i.test(text.slice(end, end + 10))
}

/**
 * International numbers: + and 8–15 digits, groups separated by at most two of space,
 * dot, dash or parenthesis ("+46 70 123 45 67", "+1 (555) 123-4567").
 */
const INTERNATIONAL_PHONE = /(?<![\p{L}\p{N}+])\+\d(?:[ \u00a0.\-()]{0,2}\d)*/gu

function findInternationalPhones(text: string): TextFinding[] {
  const findings: TextFinding[] = []
  for (const m of text.matchAll(INTERNATIONAL_PHONE)) {
    const digits = m[0].replace(/\D/g, '').length
    if (digits >= 8 && digits <= 15) findings.push(phoneFinding(m[0], m.index))
  }
  return findings
}

// ---------------------------------------------------------------------------------------
// E-mail and web addresses

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu

function findEmails(text: string): TextFinding[] {
  return [...text.matchAll(EMAIL)].map((m) =>
    block('email', m[0], m.index, `«${m[0]}» ser ut som en e-postadresse. Ta den bort: ${ANONYMOUS}`),
  )
}

const TOP_LEVEL_DOMAINS = ['no', 'com', 'net', 'org', 'se', 'dk', 'io', 'info', 'eu', 'nu']

const URL_WITH_SCHEME = /\bhttps?:\/\/[^\s<>«»"]+/giu
const URL_WITH_WWW = /(?<![\p{L}\p{N}.@/-])www\.[^\s<>«»"]+/giu
/**
 * A bare domain such as "example.no" or "facebook.com/xyz". Only the listed top-level
 * domains count, so abbreviations ("osv.", "f.eks.", "kl.8") never match.
 */
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.@/-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+)` +
    String.raw`(${TOP_LEVEL_DOMAINS.join('|')})(?![\p{L}\p{N}_-])(?:/[^\s<>«»"]*)?`,
  'giu',
)

function findUrls(text: string): TextFinding[] {
  const found: { match: string; index: number }[] = []
  for (const m of text.matchAll(URL_WITH_SCHEME)) found.push({ match: m[0], index: m.index })
  for (const m of text.matchAll(URL_WITH_WWW)) found.push({ match: m[0], index: m.index })
  for (const m of text.matchAll(BARE_DOMAIN)) {
    const [, labels = '', tld = ''] = m
    // "jobbet.Se vedlegg" is a missing space, not a Swedish domain: the top-level domain
    // must be in lower case unless the whole domain is in capitals ("NAV.NO").
    if (tld !== tld.toLowerCase() && labels + tld !== (labels + tld).toUpperCase()) continue
    found.push({ match: m[0], index: m.index })
  }
  return found.map(({ match, index }) => {
    const trimmed = trimUrl(match)
    return block('url', trimmed, index, `«${trimmed}» ser ut som en nettadresse. Ta den bort: ${ANONYMOUS}`)
  })
}

/** Drops punctuation that ends the sentence rather than the address ("se www.nav.no."). */
function trimUrl(url: string): string {
  let end = url.length
  while (end > 0) {
    const char = url[end - 1] as string
    const unbalancedParen = char === ')' && url.slice(0, end).split('(').length <= url.slice(0, end).split(')').length - 1
    if (!'.,;:!?\'"»]'.includes(char) && !unbalancedParen) break
    end--
  }
  return url.slice(0, end)
}

// ---------------------------------------------------------------------------------------
// The candidate's own names

/**
 * Each part of each name (split at spaces and hyphens, at least two letters) as a whole
 * word, any case, with an optional genitive s ("Karis"). Parts next to each other are
 * reported as one finding («Kari Nordmann»).
 */
function findOwnNames(text: string, ownNames: string[]): TextFinding[] {
  const parts = [
    ...new Set(
      ownNames
        .flatMap((name) => (name ?? '').normalize('NFC').split(/[\s-]+/))
        .filter((part) => (part.match(/\p{L}/gu) ?? []).length >= 2),
    ),
  ].sort((a, b) => b.length - a.length)
  if (parts.length === 0) return []
  const part = `(?:${parts.map(spellings).join('|')})s?`
  const pattern = new RegExp(`(?<!${WORD_CHAR})${part}(?:[\\s-]+${part})*(?!${WORD_CHAR})`, 'giu')
  return [...text.matchAll(pattern)].map((m) =>
    block('own-name', m[0], m.index, `«${m[0]}» er kandidatens navn. Ta det bort: ${ANONYMOUS}`),
  )
}

/** The word as a regex source, in both composed and decomposed form ("å" and "a" + ring). */
function spellings(word: string): string {
  const forms = new Set([word.normalize('NFC'), word.normalize('NFD')])
  return [...forms].map(escapeRegExp).join('|')
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

// ---------------------------------------------------------------------------------------
// Diagnoses and treatment (warnings)

type CompiledTerm = { pattern: RegExp }

/**
 * Turns a word-list pattern (see diagnosis-words.ts) into a regex. Group 1 is whatever
 * precedes the listed word inside the same word (for '*kreft*': "bryst" in "brystkreft"),
 * so the exception check knows where the listed word starts.
 */
function compileTerm(term: string): CompiledTerm {
  const anyStart = term.startsWith('*')
  const anyEnd = term.endsWith('*')
  const core = term.replace(/^\*|\*$/g, '')
  // Written in capitals ("MS", "ME", "LAR"): only capitals count.
  const caseSensitive = /\p{Lu}/u.test(core) && !/\p{Ll}/u.test(core)
  const words = core.split(/[\s-]+/).map((word) => `(?:${spellings(word)})`)
  const source =
    `(?<!${WORD_CHAR})(${anyStart ? `${WORD_CHAR}*?` : ''})` +
    words.join(String.raw`[\s-]+`) +
    (anyEnd ? `${WORD_CHAR}*` : '') +
    `(?!${WORD_CHAR})`
  return { pattern: new RegExp(source, caseSensitive ? 'gu' : 'giu') }
}

const TERMS: CompiledTerm[] = [...DIAGNOSIS_TERMS, ...TREATMENT_TERMS].map(compileTerm)
const EXCEPTIONS = NOT_DIAGNOSIS.map(fold)

/** Lower case, hyphens and spaces alike; keeps the length so offsets still fit. */
function fold(value: string): string {
  const lower = value.toLowerCase()
  return (lower.length === value.length ? lower : value).replace(/[\s-]/g, ' ')
}

function findDiagnoses(text: string): TextFinding[] {
  const folded = fold(text)
  const seen = new Set<string>()
  const findings: TextFinding[] = []
  for (const { pattern } of TERMS) {
    for (const m of text.matchAll(pattern)) {
      const termStart = m.index + (m[1] ?? '').length
      if (isException(folded, m.index, termStart)) continue
      const key = `${m.index}:${m[0].length}`
      if (seen.has(key)) continue
      seen.add(key)
      findings.push({
        kind: 'diagnosis',
        severity: 'warn',
        match: m[0],
        index: m.index,
        message: `«${m[0]}» ser ut som en diagnose eller behandling. ${DIAGNOSIS_REASON}`,
      })
    }
  }
  return findings
}

/** An exception written within the hit, covering the first letter of the listed word. */
function isException(folded: string, hitStart: number, termStart: number): boolean {
  return EXCEPTIONS.some((exception) => {
    for (let at = Math.max(hitStart, termStart - exception.length + 1); at <= termStart; at++) {
      if (folded.startsWith(exception, at)) return true
    }
    return false
  })
}
