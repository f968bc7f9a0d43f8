// Demo task inventories, carved jobs and openings for the employer portal, in several industries.
// Called from seedDemoData inside its transaction; a workplace that already has tasks is left alone,
// so running the seed again changes nothing.
import type { Queryable } from '../prisma-free-sql/db'
import { insertCarvedJob } from '../prisma-free-sql/queries/carved-jobs'
import { appendOpeningEvent, changeOpeningStatus, insertOpening, type OpeningInput, type OpeningStatus } from '../prisma-free-sql/queries/openings'
import { insertTask, type TaskInput } from '../prisma-free-sql/queries/workplaces'
import { findCatalogueTask } from '../prisma-free-sql/reference-data/vocabulary'

type Schedule = { timesOfDay?: ('DAG' | 'KVELD' | 'NATT')[]; days?: ('UKEDAGER' | 'LORDAG' | 'SONDAG')[] }
type DemoTask = { key: string; input: TaskInput }

/** A task from the catalogue, with its typical demands and requirements. */
function fromCatalogue(code: string, hoursPerWeek: number, role: string, options: Schedule & { separable?: boolean } = {}): DemoTask {
  const entry = findCatalogueTask(code)
  if (!entry) throw new Error(`demo data: no catalogue task ${code}`)
  return {
    key: code,
    input: {
      catalogueCode: code,
      name: entry.name,
      styrk08: entry.styrk08,
      hoursPerWeek,
      timesOfDay: options.timesOfDay ?? ['DAG'],
      days: options.days ?? ['UKEDAGER'],
      demands: entry.demands,
      requirements: entry.requirements,
      separable: options.separable ?? true,
      currentRole: role,
    },
  }
}

/** A task the employer described in their own words. */
function ownTask(
  key: string,
  name: string,
  hoursPerWeek: number,
  role: string,
  options: Schedule & { separable?: boolean; styrk08?: string; demands?: Record<string, number>; requirements?: string[] },
): DemoTask {
  return {
    key,
    input: {
      catalogueCode: null,
      name,
      styrk08: options.styrk08 ?? null,
      hoursPerWeek,
      timesOfDay: options.timesOfDay ?? ['DAG'],
      days: options.days ?? ['UKEDAGER'],
      demands: options.demands ?? {},
      requirements: options.requirements ?? [],
      separable: options.separable ?? false,
      currentRole: role,
    },
  }
}

type DemoOpening = Partial<OpeningInput> & {
  title: string
  openingType: OpeningInput['openingType']
  hoursMin: number
  hoursMax: number
  /** Days from today to the start date, so the demo never shows a start date that has passed. */
  startsInDays: number
  /** The carved job it is made from, by name; undefined for an opening written from scratch. */
  carvedJob?: string
  status: OpeningStatus
  closeReason?: string
}

type DemoWorkplace = {
  orgNumber: string
  workplace: string
  environment: { noise: number; pace: number; social: number; accessibility: string[]; notes?: string; languages: string[] }
  tasks: DemoTask[]
  carvedJobs: { name: string; targetHours: number; tasks: string[] }[]
  openings: DemoOpening[]
}

const weekdays = ['UKEDAGER'] as const
const allWeek: Schedule['days'] = ['UKEDAGER', 'LORDAG', 'SONDAG']

const workplaces: DemoWorkplace[] = [
  {
    orgNumber: '912345742',
    workplace: 'Bakeriet på Birkelunden',
    environment: { noise: 1, pace: 2, social: 1, accessibility: ['TRINNFRI_ADKOMST', 'KOLLEKTIV'], notes: 'Bakeriet er på gateplan. Garderoben er i kjelleren, med trapp.', languages: ['norsk', 'engelsk', 'polsk'] },
    tasks: [
      ownTask('baking', 'Elte, forme og steke brød og bakervarer', 60, 'Baker', { styrk08: '7512', timesOfDay: ['NATT', 'DAG'], days: allWeek, demands: { standing: 2, lifting: 2, tempo: 2, precision: 1 } }),
      ownTask('cakes', 'Dekorere kaker og bestillingsvarer', 15, 'Konditor', { styrk08: '7512', demands: { fineMotor: 2, precision: 2, standing: 1 } }),
      fromCatalogue('kjokkenassistanse', 8, 'Baker', { days: ['UKEDAGER', 'LORDAG'] }),
      fromCatalogue('oppvask', 10, 'Baker'),
      fromCatalogue('varemottak', 4, 'Baker'),
      fromCatalogue('avfall-kildesortering', 3, 'Baker'),
      fromCatalogue('pakking-etikettering', 6, 'Baker'),
      fromCatalogue('renhold-lokaler', 5, 'Butikkmedarbeider', { timesOfDay: ['KVELD'] }),
      fromCatalogue('bud-aerender', 4, 'Sjåfør', { separable: false }),
      fromCatalogue('dataregistrering', 2, 'Daglig leder'),
      ownTask('orders', 'Ta imot bestillinger på telefon og e-post', 5, 'Daglig leder', { styrk08: '4222', demands: { customerContact: 2, writtenNorwegian: 1, oralNorwegian: 2 } }),
    ],
    carvedJobs: [{ name: 'Bakeriassistent', targetHours: 12, tasks: ['varemottak', 'avfall-kildesortering', 'pakking-etikettering'] }],
    openings: [
      {
        title: 'Bakeriassistent, arbeidstrening', openingType: 'ARBEIDSTRENING', hoursMin: 10, hoursMax: 15, startsInDays: 21, carvedJob: 'Bakeriassistent', status: 'published',
        description: 'Ta imot varer om morgenen, pakke og merke brød, og holde orden på emballasje og avfall. Rolige oppgaver med faste rutiner, før butikken åpner.',
        accommodations: ['FASTE_RUTINER', 'TILRETTELAGT_OPPLAERING', 'GRADVIS_OKNING', 'MENTOR'], mentorAvailable: true, measures: ['MENTORTILSKUDD', 'TILRETTELEGGINGSGARANTI'],
        durationWeeks: 12, hireProspect: 'KANSKJE', flexibility: 'Start mellom kl. 7 og 9. Kortere dager de første ukene.',
      },
      {
        title: 'Oppvask og kjøkkenhjelp', openingType: 'ORDINAER', hoursMin: 8, hoursMax: 10, startsInDays: 45, status: 'draft',
        accommodations: ['SKRIFTLIGE_INSTRUKSER'], hireProspect: 'JA',
      },
    ],
  },
  {
    orgNumber: '912345742',
    workplace: 'Utsalg Torshov',
    environment: { noise: 1, pace: 1, social: 2, accessibility: ['TRINNFRI_ADKOMST', 'KOLLEKTIV', 'HC_TOALETT'], languages: ['norsk', 'engelsk'] },
    tasks: [
      fromCatalogue('kasse', 25, 'Butikkmedarbeider', { days: ['UKEDAGER', 'LORDAG'], separable: false }),
      fromCatalogue('kantine-servering', 8, 'Butikkmedarbeider', { days: ['UKEDAGER', 'LORDAG'] }),
      fromCatalogue('kantine-rydding', 4, 'Butikkmedarbeider', { days: ['UKEDAGER', 'LORDAG'] }),
      fromCatalogue('varepafylling', 5, 'Butikkmedarbeider'),
      fromCatalogue('prismerking', 2, 'Butikkmedarbeider'),
      fromCatalogue('renhold-lokaler', 3, 'Butikkmedarbeider', { timesOfDay: ['KVELD'] }),
      fromCatalogue('vindusvask', 1, 'Butikkmedarbeider'),
      fromCatalogue('pant-returer', 2, 'Butikkmedarbeider'),
    ],
    carvedJobs: [],
    openings: [],
  },
  {
    orgNumber: '912345815',
    workplace: 'Bilvask og dekkhotell Økern',
    environment: { noise: 2, pace: 1, social: 1, accessibility: ['TRINNFRI_ADKOMST', 'HC_PARKERING'], notes: 'Vaskehallen er kald om vinteren.', languages: ['norsk', 'engelsk', 'litauisk'] },
    tasks: [
      fromCatalogue('bilvask-klargjoring', 20, 'Bilpleier'),
      fromCatalogue('dekkskift', 15, 'Dekkmontør', { separable: false }),
      fromCatalogue('renhold-lokaler', 3, 'Bilpleier'),
      fromCatalogue('varemottak', 3, 'Dekkmontør'),
      fromCatalogue('telefon-sentralbord', 6, 'Daglig leder'),
      fromCatalogue('dataregistrering', 3, 'Daglig leder'),
      fromCatalogue('avfall-kildesortering', 2, 'Bilpleier'),
    ],
    carvedJobs: [{ name: 'Bilklargjører', targetHours: 20, tasks: ['bilvask-klargjoring'] }],
    openings: [
      {
        title: 'Bilklargjører med lønnstilskudd', openingType: 'LONNSTILSKUDD', hoursMin: 15, hoursMax: 25, startsInDays: 30, carvedJob: 'Bilklargjører', status: 'paused',
        accommodations: ['ARBEIDSSTILLING', 'FASTE_RUTINER'], mentorAvailable: true, measures: ['LONNSTILSKUDD_MIDLERTIDIG'], durationWeeks: 26, hireProspect: 'JA',
      },
    ],
  },
  {
    orgNumber: '912345882',
    workplace: 'Sykehjemmet',
    environment: { noise: 0, pace: 1, social: 2, accessibility: ['TRINNFRI_ADKOMST', 'HEIS', 'HC_TOALETT', 'HC_PARKERING', 'TELESLYNGE'], languages: ['norsk'] },
    tasks: [
      fromCatalogue('maltidshjelp', 10, 'Helsefagarbeider', { timesOfDay: ['DAG'], days: allWeek }),
      fromCatalogue('aktiviteter-beboere', 6, 'Aktivitør'),
      fromCatalogue('seng-toy-institusjon', 8, 'Helsefagarbeider'),
      fromCatalogue('intern-varetransport', 6, 'Vaktmester'),
      fromCatalogue('renhold-lokaler', 12, 'Renholder', { separable: false }),
      fromCatalogue('post-internpost', 3, 'Konsulent'),
      fromCatalogue('vaktmester-smajobber', 5, 'Vaktmester'),
      fromCatalogue('hagearbeid', 3, 'Vaktmester'),
      ownTask('care', 'Stell og pleie av beboere', 60, 'Sykepleier', { styrk08: '5321', days: allWeek, timesOfDay: ['DAG', 'KVELD', 'NATT'] }),
    ],
    carvedJobs: [
      { name: 'Miljøassistent', targetHours: 16, tasks: ['maltidshjelp', 'aktiviteter-beboere'] },
      { name: 'Assistent tøy og vareflyt', targetHours: 14, tasks: ['seng-toy-institusjon', 'intern-varetransport'] },
    ],
    openings: [
      {
        title: 'Miljøassistent på sykehjem', openingType: 'ARBEIDSTRENING', hoursMin: 12, hoursMax: 16, startsInDays: 14, carvedJob: 'Miljøassistent', status: 'published',
        description: 'Hjelpe til ved måltider og være med på turer og aktiviteter med beboerne. Passer for deg som liker å være sammen med folk.',
        accommodations: ['TETT_OPPFOLGING', 'TILRETTELAGT_OPPLAERING', 'MENTOR'], mentorAvailable: true, measures: ['MENTORTILSKUDD'], durationWeeks: 16, hireProspect: 'KANSKJE',
      },
      {
        title: 'Tøy og vareflyt', openingType: 'LONNSTILSKUDD', hoursMin: 14, hoursMax: 20, startsInDays: 10, carvedJob: 'Assistent tøy og vareflyt', status: 'filled',
        accommodations: ['FASTE_RUTINER', 'STILLE_OG_ROLIG_MILJO'], mentorAvailable: true, measures: ['LONNSTILSKUDD_VARIG'], hireProspect: 'JA',
      },
    ],
  },
  {
    orgNumber: '912345882',
    workplace: 'Kjøkken og kantine',
    environment: { noise: 2, pace: 2, social: 1, accessibility: ['TRINNFRI_ADKOMST', 'HEIS'], languages: ['norsk', 'engelsk'] },
    tasks: [
      fromCatalogue('kjokkenassistanse', 15, 'Kokk'),
      fromCatalogue('oppvask', 12, 'Kokk'),
      fromCatalogue('kantine-servering', 10, 'Kantinemedarbeider'),
      fromCatalogue('kantine-rydding', 6, 'Kantinemedarbeider'),
      fromCatalogue('varemottak', 4, 'Kokk'),
      ownTask('menu', 'Planlegge meny og bestille råvarer', 6, 'Kjøkkensjef', { styrk08: '3434', demands: { writtenNorwegian: 2, numeracy: 2 } }),
    ],
    carvedJobs: [],
    openings: [
      {
        title: 'Jobbsmak i kantina', openingType: 'JOBBSMAK', hoursMin: 6, hoursMax: 10, startsInDays: 7, status: 'closed', closeReason: 'Kantina stenger for ombygging i vår.',
        accommodations: ['TETT_OPPFOLGING'], hireProspect: 'NEI', durationWeeks: 1,
      },
    ],
  },
  {
    orgNumber: '912345955',
    workplace: 'Terminal Alnabru',
    environment: { noise: 2, pace: 2, social: 1, accessibility: ['HC_PARKERING'], notes: 'Store hallområder; vernesko og refleksvest får du utlevert.', languages: ['norsk', 'engelsk', 'polsk', 'litauisk'] },
    tasks: [
      fromCatalogue('plukk-pakk', 30, 'Lagermedarbeider', { timesOfDay: ['DAG', 'KVELD'] }),
      fromCatalogue('truckkjoring', 25, 'Truckfører', { timesOfDay: ['DAG', 'KVELD'], separable: false }),
      fromCatalogue('lasting-lossing', 15, 'Lagermedarbeider', { timesOfDay: ['DAG', 'KVELD'] }),
      fromCatalogue('avfall-kildesortering', 6, 'Lagermedarbeider'),
      fromCatalogue('varemottak', 10, 'Lagermedarbeider'),
      fromCatalogue('dataregistrering', 5, 'Lagerformann', { timesOfDay: ['KVELD'] }),
      fromCatalogue('pakking-etikettering', 8, 'Lagermedarbeider'),
      fromCatalogue('renhold-lokaler', 4, 'Renholder', { timesOfDay: ['KVELD'] }),
    ],
    carvedJobs: [{ name: 'Lagermedarbeider emballasje og merking', targetHours: 15, tasks: ['avfall-kildesortering', 'pakking-etikettering'] }],
    openings: [
      {
        title: 'Lagermedarbeider, emballasje og merking', openingType: 'LONNSTILSKUDD', hoursMin: 14, hoursMax: 20, startsInDays: 28, carvedJob: 'Lagermedarbeider emballasje og merking', status: 'published',
        accommodations: ['SKRIFTLIGE_INSTRUKSER', 'FASTE_RUTINER', 'TUNGE_LOFT'], mentorAvailable: true, measures: ['LONNSTILSKUDD_MIDLERTIDIG', 'INKLUDERINGSTILSKUDD'], durationWeeks: 26, hireProspect: 'JA',
      },
    ],
  },
  {
    orgNumber: '912346447',
    workplace: 'Hotellet på Bryggen',
    environment: { noise: 1, pace: 2, social: 2, accessibility: ['TRINNFRI_ADKOMST', 'HEIS', 'HC_TOALETT', 'KOLLEKTIV'], languages: ['norsk', 'engelsk'] },
    tasks: [
      fromCatalogue('resepsjon', 40, 'Resepsjonist', { days: allWeek, timesOfDay: ['DAG', 'KVELD'], separable: false }),
      ownTask('rooms', 'Klargjøre hotellrom', 30, 'Romassistent', { styrk08: '9112', days: allWeek, separable: true, demands: { walking: 2, standing: 2, lifting: 1, tempo: 2 } }),
      fromCatalogue('kantine-servering', 12, 'Servitør', { days: allWeek }),
      fromCatalogue('kantine-rydding', 8, 'Servitør', { days: allWeek }),
      fromCatalogue('toy-uniformer', 10, 'Romassistent'),
      fromCatalogue('flytting-rigging', 5, 'Vaktmester'),
      fromCatalogue('kontorservice', 4, 'Resepsjonist'),
      fromCatalogue('vindusvask', 3, 'Vaktmester'),
    ],
    carvedJobs: [{ name: 'Frokostvert', targetHours: 20, tasks: ['kantine-servering', 'kantine-rydding'] }],
    openings: [
      {
        title: 'Frokostvert', openingType: 'ORDINAER', hoursMin: 18, hoursMax: 22, startsInDays: 35, carvedJob: 'Frokostvert', status: 'published',
        description: 'Dekke på, fylle på frokostbuffeten og rydde etter gjestene, kl. 6.30–10.30.',
        accommodations: ['FASTE_RUTINER', 'TILRETTELAGT_OPPLAERING'], mentorAvailable: false, hireProspect: 'JA',
      },
    ],
  },
  {
    orgNumber: '912346722',
    workplace: 'Kleppestø barneskole',
    environment: { noise: 2, pace: 1, social: 2, accessibility: ['TRINNFRI_ADKOMST', 'HEIS', 'HC_TOALETT', 'STILLEROM'], languages: ['norsk'] },
    tasks: [
      fromCatalogue('post-internpost', 2, 'Konsulent'),
      fromCatalogue('kantine-servering', 6, 'Assistent'),
      fromCatalogue('uteomrader', 5, 'Vaktmester'),
      fromCatalogue('vaktmester-smajobber', 8, 'Vaktmester'),
      fromCatalogue('renhold-lokaler', 10, 'Renholder', { timesOfDay: ['KVELD'], separable: false }),
      fromCatalogue('it-brukerstotte', 6, 'IKT-kontakt'),
      fromCatalogue('arkiv-skanning', 4, 'Konsulent'),
      fromCatalogue('kontorservice', 3, 'Konsulent'),
    ],
    carvedJobs: [{ name: 'Skoleassistent, praktisk', targetHours: 15, tasks: ['post-internpost', 'it-brukerstotte', 'arkiv-skanning', 'kontorservice'] }],
    openings: [
      {
        title: 'Praktisk skoleassistent', openingType: 'ARBEIDSTRENING', hoursMin: 12, hoursMax: 15, startsInDays: 40, carvedJob: 'Skoleassistent, praktisk', status: 'paused',
        accommodations: ['STILLE_OG_ROLIG_MILJO', 'SKRIFTLIGE_INSTRUKSER', 'FLEKSIBEL'], mentorAvailable: true, measures: ['TILRETTELEGGINGSGARANTI'], durationWeeks: 20, hireProspect: 'NEI',
      },
    ],
  },
]

/** The path through the lifecycle to each status, as the history should show it. */
const lifecycle: Record<OpeningStatus, { to: OpeningStatus; from: OpeningStatus[]; event: 'published' | 'paused' | 'filled' | 'closed'; note: string }[]> = {
  draft: [],
  published: [{ to: 'published', from: ['draft'], event: 'published', note: 'Publisert.' }],
  paused: [
    { to: 'published', from: ['draft'], event: 'published', note: 'Publisert.' },
    { to: 'paused', from: ['published'], event: 'paused', note: 'Satt på pause.' },
  ],
  filled: [
    { to: 'published', from: ['draft'], event: 'published', note: 'Publisert.' },
    { to: 'filled', from: ['published'], event: 'filled', note: 'Plassen er besatt.' },
  ],
  closed: [
    { to: 'published', from: ['draft'], event: 'published', note: 'Publisert.' },
    { to: 'closed', from: ['published'], event: 'closed', note: '' },
  ],
}

function dateInDays(days: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(date)
}

export async function seedEmployerPortalDemo(sql: Queryable): Promise<void> {
  for (const demo of workplaces) {
    const [workplace] = await sql`
      select w.id, (select count(*)::int from workplace_tasks t where t.workplace_id = w.id) as tasks,
             (select m.user_id from organisation_memberships m where m.organisation_id = o.id and m.status = 'active'
              order by m.requested_at limit 1) as "employerId",
             (select u.name from organisation_memberships m join users u on u.id = m.user_id
              where m.organisation_id = o.id and m.status = 'active' order by m.requested_at limit 1) as "employerName"
      from workplaces w join organisations o on o.id = w.organisation_id
      where o.org_number = ${demo.orgNumber} and w.name = ${demo.workplace}`
    if (!workplace) throw new Error(`demo data: no workplace ${demo.workplace} in ${demo.orgNumber}`)
    if (workplace.tasks > 0) continue
    const workplaceId = String(workplace.id)
    const employerId = (workplace.employerId as string | null) ?? null
    const environment = demo.environment
    await sql`
      update workplaces
      set noise_level = ${environment.noise}, pace_level = ${environment.pace}, social_contact_level = ${environment.social},
          accessibility = ${environment.accessibility}::text[], accessibility_notes = ${environment.notes ?? ''},
          languages = ${environment.languages}::text[]
      where id = ${workplaceId}`
    const taskIds = new Map<string, string>()
    for (const task of demo.tasks) taskIds.set(task.key, await insertTask(sql, workplaceId, task.input))
    const carvedJobIds = new Map<string, string>()
    for (const carvedJob of demo.carvedJobs) {
      const ids = carvedJob.tasks.map((key) => {
        const id = taskIds.get(key)
        if (!id) throw new Error(`demo data: carved job ${carvedJob.name} uses unknown task ${key}`)
        return id
      })
      carvedJobIds.set(carvedJob.name, await insertCarvedJob(sql, { workplaceId, name: carvedJob.name, targetHours: carvedJob.targetHours, taskIds: ids, createdBy: employerId }))
    }
    for (const opening of demo.openings) {
      const carvedJobTasks = opening.carvedJob ? demo.tasks.filter((task) => demo.carvedJobs.find((job) => job.name === opening.carvedJob)?.tasks.includes(task.key)) : []
      const openingId = await insertOpening(sql, {
        workplaceId,
        carvedJobId: opening.carvedJob ? (carvedJobIds.get(opening.carvedJob) ?? null) : null,
        createdBy: employerId,
        title: opening.title,
        description: opening.description ?? '',
        openingType: opening.openingType,
        hoursMin: opening.hoursMin,
        hoursMax: opening.hoursMax,
        timesOfDay: opening.timesOfDay ?? [...new Set(carvedJobTasks.flatMap((task) => task.input.timesOfDay))],
        days: opening.days ?? [...new Set(carvedJobTasks.flatMap((task) => task.input.days))],
        flexibility: opening.flexibility ?? '',
        accommodations: opening.accommodations ?? [],
        mentorAvailable: opening.mentorAvailable ?? false,
        measures: opening.measures ?? [],
        startDate: dateInDays(opening.startsInDays),
        durationWeeks: opening.durationWeeks ?? null,
        places: opening.places ?? 1,
        hireProspect: opening.hireProspect ?? 'KANSKJE',
        contactName: opening.contactName ?? (workplace.employerName as string | null) ?? 'Daglig leder',
        contactPhone: opening.contactPhone ?? '',
        contactEmail: opening.contactEmail ?? '',
      })
      await appendOpeningEvent(sql, { openingId, actorUserId: employerId, event: 'created', note: 'Opprettet som utkast.' })
      for (const step of lifecycle[opening.status]) {
        const note = step.event === 'closed' ? (opening.closeReason ?? 'Avsluttet.') : step.note
        await changeOpeningStatus(sql, { openingId, from: step.from, to: step.to, closeReason: step.event === 'closed' ? note : undefined })
        await appendOpeningEvent(sql, { openingId, actorUserId: employerId, event: step.event, note })
      }
    }
  }
}
