/**
 * What the portal tells people, in the in-app inbox and by e-mail: one kind per event, each with its words in bokmål.
 * A notice carries no personal data (DEVELOPERS.md, "Privacy"): no names, contact details or anything about a
 * candidate, only that something needs attention, by when, and a link into the portal, where the page decides what
 * its reader may see. The parameters below are all a notice can hold, and the schema is strict, so a caller cannot
 * slip a name into one.
 */
import { z } from 'zod'

export const noticeKinds = [
  'case_new',
  'case_new_in_queue',
  'case_new_for_market',
  'case_reminder',
  'case_escalated',
  'case_status_changed',
  'candidate_proposed',
  'verdict_given',
  'identity_shared',
  'trial_ending',
  'follow_up_due',
  'employer_contact_logged',
  'employer_owner_changed',
  'account_inactive',
] as const
export type NoticeKind = (typeof noticeKinds)[number]

export const noticeParamsSchema = z
  .object({
    /** The portal page that shows what the notice is about. */
    url: z.string().url(),
    /** A deadline or a date the notice points at (ISO 8601). */
    dueAt: z.string().datetime().optional(),
  })
  .strict()
export type NoticeParams = z.infer<typeof noticeParamsSchema>

export type DueFormats = { deadline: (iso: string) => string; date: (iso: string) => string }

export type NoticeText = {
  /** The e-mail subject, and the title of the notice in the in-app inbox. */
  title: string
  /** `format.deadline` says a date and time («tirsdag 1. desember kl. 16:00»), `format.date` a date alone. */
  paragraphs: (params: NoticeParams, format: DueFormats) => string[]
  action: string
  /**
   * Sent at once even to staff who chose a daily digest: a reminder or an escalation about today's deadline would
   * be useless tomorrow morning.
   */
  urgent: boolean
}

const due = (params: NoticeParams, format: (iso: string) => string, sentence: (when: string) => string) =>
  params.dueAt ? [sentence(format(params.dueAt))] : []

export const noticeTexts: Record<NoticeKind, NoticeText> = {
  case_new: {
    title: 'En arbeidsgiver er interessert i en av kandidatene dine',
    paragraphs: (params, format) => [
      'En arbeidsgiver har sagt at de er interessert i en kandidat du følger opp.',
      ...due(params, format.deadline, (when) => `Bekreft at du har mottatt saken innen ${when}.`),
    ],
    action: 'Se saken',
    urgent: false,
  },
  case_new_in_queue: {
    title: 'En ny sak venter i teamets kø',
    paragraphs: (params, format) => [
      'En arbeidsgiver er interessert i en kandidat, men den ansvarlige jobbspesialisten er ikke til stede. Saken ligger i køen til noen tar den.',
      ...due(params, format.deadline, (when) => `Den må bekreftes innen ${when}.`),
    ],
    action: 'Se saken',
    urgent: false,
  },
  case_new_for_market: {
    title: 'En arbeidsgiver i regionen din har vist interesse for en kandidat',
    paragraphs: () => ['En arbeidsgiver du dekker har sagt at de er interessert i en kandidat. Saken er sendt til jobbspesialisten som har ansvaret.'],
    action: 'Se virksomheten',
    urgent: false,
  },
  case_reminder: {
    title: 'Påminnelse: en sak må bekreftes snart',
    paragraphs: (params, format) => [
      'En arbeidsgiver venter på svar i en sak som ikke er bekreftet mottatt ennå.',
      ...due(params, format.deadline, (when) => `Fristen er ${when}.`),
    ],
    action: 'Se saken',
    urgent: true,
  },
  case_escalated: {
    title: 'En sak har passert svarfristen',
    paragraphs: (params, format) => [
      'En sak i teamet ditt er ikke bekreftet mottatt innen fristen. Sørg for at noen tar den.',
      ...due(params, format.deadline, (when) => `Fristen var ${when}.`),
    ],
    action: 'Se saken',
    urgent: true,
  },
  case_status_changed: {
    title: 'En sak har fått ny status',
    paragraphs: () => ['Det har skjedd noe i en av sakene dine.'],
    action: 'Se saken',
    urgent: false,
  },
  candidate_proposed: {
    title: 'NAV foreslår en kandidat til en av stillingene deres',
    paragraphs: () => ['En jobbspesialist i NAV mener at en kandidat kan passe til en av stillingene deres. Se forslaget og si hva dere tenker.'],
    action: 'Se forslaget',
    urgent: false,
  },
  verdict_given: {
    title: 'Arbeidsgiveren har vurdert en kandidat du foreslo',
    paragraphs: () => ['Arbeidsgiveren har gitt sin vurdering av en kandidat du foreslo.'],
    action: 'Se vurderingen',
    urgent: false,
  },
  identity_shared: {
    title: 'NAV har delt kontaktopplysninger i en sak',
    paragraphs: () => ['Kandidaten har sagt ja, og jobbspesialisten har delt de avtalte opplysningene med dere. Logg inn for å se dem.'],
    action: 'Se saken',
    urgent: false,
  },
  trial_ending: {
    title: 'En utprøving er avsluttet',
    paragraphs: () => ['Arbeidsgiveren har avsluttet en utprøving. Se begrunnelsen og avtal videre oppfølging.'],
    action: 'Se saken',
    urgent: true,
  },
  follow_up_due: {
    title: 'Tid for oppfølging av en utprøving',
    paragraphs: (params, format) => [
      'Det er tid for et oppfølgingspunkt i en utprøving.',
      ...due(params, format.date, (when) => `Oppfølgingen er satt til ${when}.`),
    ],
    action: 'Se utprøvingen',
    urgent: false,
  },
  employer_contact_logged: {
    title: 'Ny kontakt med en arbeidsgiver du følger',
    paragraphs: () => ['En kollega har logget en kontakt med en arbeidsgiver du har ansvar for eller følger. Les loggen før du tar kontakt selv.'],
    action: 'Se kontaktloggen',
    urgent: false,
  },
  employer_owner_changed: {
    title: 'Ansvaret for en arbeidsgiver er endret',
    paragraphs: () => ['En arbeidsgiver har fått ny ansvarlig markedskontakt. Arbeidsgiveren ser nå den nye kontakten som sin kontakt i NAV.'],
    action: 'Se virksomheten',
    urgent: false,
  },
  // Queued by the inactivity job (app/modules/candidate-rights.server.ts) 30 days before the account is disabled.
  account_inactive: {
    title: 'Kontoen din i Jobbsnekker blir snart deaktivert',
    paragraphs: (params, format) => [
      'Du har ikke logget inn i Jobbsnekker på nesten et år. Kontoer som ikke har vært brukt på 12 måneder, blir deaktivert, slik at ingen har tilgang de ikke trenger.',
      ...due(params, format.date, (when) => `Logg inn før ${when} for å beholde kontoen.`),
      'Er kontoen allerede deaktivert, tar du den i bruk igjen ved å velge nytt passord under «Glemt passord» på innloggingssiden.',
      'Trenger du ikke kontoen lenger, kan du se bort fra denne e-posten.',
    ],
    action: 'Logg inn',
    urgent: true,
  },
}

export const isNoticeKind = (value: string): value is NoticeKind => (noticeKinds as readonly string[]).includes(value)
