// Demo market coordination, so the register, the board and the dashboard tell a story on the first start: owners with
// a direct line, every employer at a stage of the pipeline (one "not relevant" with its reason), and a contact history
// spread over the last months by market contacts and specialists, some of it about candidates. Oslo Bilpleie is left
// without an owner but with a specialist's visit three days ago: the browser tests take ownership of it and meet the
// 14-day warning on the way.
import type { Queryable } from '../prisma-free-sql/db'
import { appendRelationshipEvent, insertContact, type ContactKind, type PipelineStage } from '../prisma-free-sql/queries/employer-relationships'
import { demoLogins } from './demo-logins'

const marketContactVestland = 'markedskontakt.vestland@jobbsnekker.example'
const specialistBergen = 'jobbspesialist.bergen@jobbsnekker.example'
const advisorBaerum = 'veileder.baerum@jobbsnekker.example'

const workPhones: [email: string, phone: string][] = [
  [demoLogins.marketContact, '55 55 20 31'],
  [marketContactVestland, '55 55 46 12'],
]

type DemoRelationship = {
  orgNumber: string
  owner?: string
  stage: PipelineStage
  reason?: string
  traineeCapacity?: number
  contacts: { by: string; kind: ContactKind; daysAgo: number; summary: string; nextStep?: string; aboutCandidate?: boolean }[]
}

const relationships: DemoRelationship[] = [
  {
    orgNumber: '912345742', // Grünerløkka Bakeri
    owner: demoLogins.marketContact,
    stage: 'assisting',
    traineeCapacity: 2,
    contacts: [
      { by: demoLogins.marketContact, kind: 'cup_acquaint', daysAgo: 84, summary: 'Første møte med daglig leder. Stor vilje, lite tid til opplæring.' },
      { by: demoLogins.marketContact, kind: 'cup_map_needs', daysAgo: 62, summary: 'Gikk gjennom oppgavene i bakeriet: pakking, oppvask og vareopptelling kan skilles ut.', nextStep: 'Hjelpe med jobbsnekring i portalen' },
      { by: demoLogins.specialist, kind: 'cup_present', daysAgo: 20, summary: 'Presenterte to anonyme profiler. Arbeidsgiveren vil møte én av dem.', aboutCandidate: true },
      { by: demoLogins.specialist, kind: 'phone', daysAgo: 9, summary: 'Avklarte oppstartsdato og arbeidstid for utprøvingen.', aboutCandidate: true },
    ],
  },
  {
    orgNumber: '912345815', // Oslo Bilpleie: no owner yet, a specialist's recent visit
    stage: 'assessing',
    contacts: [
      { by: demoLogins.specialist, kind: 'visit', daysAgo: 3, summary: 'Stakk innom bilvasken med en kandidat. De trenger folk til innvendig rengjøring i høysesongen.', nextStep: 'Markedskontakt bør følge opp', aboutCandidate: true },
    ],
  },
  {
    orgNumber: '912345882', // Sagene helsehus
    owner: demoLogins.marketContact,
    stage: 'mapping',
    contacts: [
      { by: demoLogins.marketContact, kind: 'meeting', daysAgo: 45, summary: 'Møte med personalavdelingen om kjøkken og kantine. Krever politiattest på sykehjemmet.' },
      { by: demoLogins.teamLead, kind: 'email', daysAgo: 12, summary: 'Sendte oversikt over tiltak og mentortilskudd.', nextStep: 'Kartleggingsmøte på kjøkkenet' },
    ],
  },
  {
    orgNumber: '912345955', // Alnabru Lagertjenester: a trial runs and the agreed capacity is full
    owner: demoLogins.marketContact,
    stage: 'assisting',
    traineeCapacity: 1,
    contacts: [
      { by: demoLogins.marketContact, kind: 'visit', daysAgo: 130, summary: 'Omvisning på terminalen. Emballering og merking kan bli en egen stilling.' },
      { by: demoLogins.specialist, kind: 'matching_meeting', daysAgo: 30, summary: 'Arbeidsgiveren deltok i matchemøtet og fikk presentert tre profiler.', aboutCandidate: true },
      { by: demoLogins.specialist, kind: 'phone', daysAgo: 6, summary: 'Oppfølging to uker inn i utprøvingen. Går bra.', aboutCandidate: true },
    ],
  },
  {
    orgNumber: '912346021', // Kantina på Hasle
    stage: 'to_contact',
    contacts: [{ by: demoLogins.teamLead, kind: 'phone', daysAgo: 200, summary: 'Kantina stengte for ombygging. Ta kontakt igjen etter gjenåpning.', nextStep: 'Ringe etter gjenåpning' }],
  },
  {
    orgNumber: '912346099', // Bærum Grøntanlegg
    owner: demoLogins.marketContact,
    stage: 'not_relevant',
    reason: 'Ingen ledige oppgaver før sesongen starter i april.',
    contacts: [{ by: advisorBaerum, kind: 'phone', daysAgo: 25, summary: 'Ringte om sesongarbeid. Ingen behov før april.', nextStep: 'Ringe igjen i mars' }],
  },
  { orgNumber: '912346161', stage: 'new', contacts: [] }, // Lillestrøm kommune, Teknisk drift
  {
    orgNumber: '912346234', // Asker Bok og Papir
    owner: demoLogins.marketContact,
    stage: 'done',
    contacts: [{ by: demoLogins.marketContact, kind: 'visit', daysAgo: 70, summary: 'Ansatte tidligere tiltaksdeltaker i fast deltid. Ønsker kontakt to ganger i året.' }],
  },
  {
    orgNumber: '912346447', // Bryggen Hotelldrift
    owner: marketContactVestland,
    stage: 'assisting',
    traineeCapacity: 3,
    contacts: [
      { by: marketContactVestland, kind: 'cup_acquaint', daysAgo: 40, summary: 'Bli kjent-møte med hotelldirektøren.' },
      { by: specialistBergen, kind: 'visit', daysAgo: 8, summary: 'Besøkte vaskeriet på Laksevåg med en kandidat.', aboutCandidate: true },
    ],
  },
  { orgNumber: '912346307', owner: marketContactVestland, stage: 'to_contact', contacts: [] }, // Bergen Kontorservice
]

const DAY_MS = 24 * 60 * 60 * 1000

export async function seedMarketDemo(tx: Queryable, now = new Date()): Promise<void> {
  const [existing] = await tx`select exists (select 1 from employer_contacts) as any`
  if (existing?.any) return
  for (const [email, phone] of workPhones) await tx`update users set work_phone = ${phone} where lower(email) = lower(${email})`
  const people = new Map<string, string>()
  for (const row of await tx`select id, lower(email) as email from users where account_type = 'staff'`) people.set(String(row.email), String(row.id))
  const person = (email: string) => {
    const id = people.get(email.toLowerCase())
    if (!id) throw new Error(`demo data: no staff member ${email}`)
    return id
  }
  for (const demo of relationships) {
    const [organisation] = await tx`select id from organisations where org_number = ${demo.orgNumber}`
    if (!organisation) continue
    const organisationId = String(organisation.id)
    if (demo.owner) {
      const ownerId = person(demo.owner)
      await tx`update employer_relationships set owner_user_id = ${ownerId}, owner_since = ${new Date(now.getTime() - 90 * DAY_MS)} where organisation_id = ${organisationId}`
      await appendRelationshipEvent(tx, { organisationId, kind: 'owner_taken', fromValue: null, toValue: ownerId, actorUserId: ownerId })
    }
    if (demo.stage !== 'new') {
      const mover = person(demo.owner ?? demoLogins.marketContact)
      await tx`
        update employer_relationships
        set stage = ${demo.stage}, not_relevant_reason = ${demo.reason ?? ''}, stage_changed_by = ${mover},
            stage_changed_at = ${new Date(now.getTime() - 14 * DAY_MS)}, stage_version = stage_version + 1,
            trainee_capacity = ${demo.traineeCapacity ?? null}
        where organisation_id = ${organisationId}`
      await appendRelationshipEvent(tx, { organisationId, kind: 'stage_moved', fromValue: 'new', toValue: demo.stage, reason: demo.reason ?? '', actorUserId: mover })
    }
    for (const contact of demo.contacts) {
      const staffUserId = person(contact.by)
      // A candidate-specific contact names one of the logger's own candidates, as the form only allows.
      const [candidate] = contact.aboutCandidate
        ? await tx`select id from candidates where responsible_user_id = ${staffUserId} order by created_at, id limit 1`
        : []
      await insertContact(tx, {
        organisationId,
        staffUserId,
        kind: contact.kind,
        contactedAt: new Date(now.getTime() - contact.daysAgo * DAY_MS),
        summary: contact.summary,
        nextStep: contact.nextStep ?? '',
        nextStepDue: null,
        candidateId: candidate ? String(candidate.id) : null,
      })
    }
  }
}
