// The authorisation matrix: every file in app/routes, and for its loader and action what each kind of user gets.
// tests/integration/authorisation-matrix.test.ts calls every loader and action as every actor against the world that
// tests/support/authorisation-fixtures.ts builds, and docs/authorisation.md is rendered from this table by
// scripts/authorisation-doc.ts. No imports from the app: the doc script runs this file without the app's `~` alias.

export const actors = ['anonymous', 'employerA', 'employerB', 'specialistX', 'specialistY', 'marketP', 'marketQ', 'teamLead', 'admin'] as const
export type Actor = (typeof actors)[number]
export type SignedInActor = Exclude<Actor, 'anonymous'>

/** Who each actor is in the world the test builds (the doc's intro). */
export const actorDescriptions: Record<Actor, string> = {
  anonymous: 'No session.',
  employerA: 'Active member of organisation A (in county P, Oslo), terms accepted. A owns the workplace, task, opening and case below.',
  employerB: 'Active member of organisation B (in county Q, Vestland), terms accepted, with a pending request to join A. Must never reach A’s resources.',
  specialistX: 'Job specialist (role `specialist`) at NAV office X (county P), in team T; responsible for candidate K and owner of case C.',
  specialistY: 'Job specialist at NAV office Y, also in county P: same county, other office. Must never see K or C.',
  marketP: 'Market contact (role `market_contact`) covering county P, at an office in P; owns the relationship with organisation A.',
  marketQ: 'Market contact covering county Q, at an office in Q. Must never reach P’s employers or meetings.',
  teamLead: 'Team lead (role `team_lead`) of team T at office X: a caseworker at X like specialist X.',
  admin: 'Administrator (role `admin`), placed at an office in county Q; no caseworker role. Sees every county’s market pages.',
}

/**
 * allowed: status below 400 (a redirect that is not to the log-in page counts); for an action also any answer that is
 * not about access, such as 400/409 for the minimal form the test sends.
 * forbidden: 403. not-found: 404 (someone else's resource looks like one that does not exist).
 * login: a redirect to /logg-inn (with redirectTo back to the page when the route asks for a user).
 * unauthenticated: 401 with a JSON body (the JSON API's answer to a missing session).
 */
export const outcomes = ['allowed', 'forbidden', 'not-found', 'login', 'unauthenticated'] as const
export type Outcome = (typeof outcomes)[number]

/** A cell whose route does not behave as it should today: `expect` is the correct outcome; the test reports the bug. */
export type BuggyCell = { expect: Outcome; knownBug: string }
export type Cell = Outcome | BuggyCell
export type Expectations = Record<Actor, Cell>

export const expectedOutcome = (cell: Cell): Outcome => (typeof cell === 'string' ? cell : cell.expect)
export const knownBugOf = (cell: Cell): string | undefined => (typeof cell === 'string' ? undefined : cell.knownBug)

/** The ids the requests need; the fixtures create them. */
export type WorldIds = {
  organisationA: string
  organisationB: string
  workplaceA: string
  taskA: string
  openingA: string
  candidateK: string
  caseC: string
  meetingM: string
  officeX: string
  mailId: string
}

type Form = Record<string, string> | [string, string][]

export type RouteEntry = {
  /** The file name in app/routes. */
  file: string
  /** The URL the requests go to (with a query when the loader needs one). */
  path: (ids: WorldIds) => string
  params?: (ids: WorldIds) => Record<string, string>
  /** One line for the doc: who may use it and why. */
  rule: string
  loader?: Expectations
  action?: {
    /** The minimal form sent with a valid CSRF token; only validation runs, so no fixture is changed. */
    form?: (ids: WorldIds) => Form
    expect: Expectations
  }
  /**
   * More posts to the action, each with its own form and outcomes: bad input that must be answered (400/404/409),
   * never with an error. Only validation or a refusal runs, so nothing changes.
   */
  badInput?: { name: string; form: (ids: WorldIds) => Form; expect: Expectations }[]
  /**
   * Actors besides the caseworkers of office X who may receive K's shared contact details (name, phone, e-mail) from
   * this loader: the employer of the case, after NAV shared them with consent. The national ID number and birth date
   * are never allowed for anyone but the caseworkers of office X.
   */
  sharedIdentityFor?: Actor[]
  /** Exceptions to `isolation` for this route: resources the actor may see referenced here (by id or label). */
  mayReference?: Partial<Record<Actor, (keyof WorldIds)[]>>
}

/**
 * Resources an actor must never see referenced (by id, or for K by the anonymised label) in any response, unless a
 * route's `mayReference` allows it. K itself is not secret to employers (K consented to be shown to all of them,
 * anonymised); A's case, workplace and so on are. Specialist Y shares the county with X but not the office: Y's pages
 * show Y's office's candidates and cases only; the region's matching meetings are the exception, by design.
 */
export const isolation: Record<Actor, (keyof WorldIds)[]> = {
  anonymous: ['organisationA', 'organisationB', 'workplaceA', 'taskA', 'openingA', 'candidateK', 'caseC', 'meetingM'],
  employerA: ['organisationB', 'meetingM'],
  employerB: ['organisationA', 'workplaceA', 'taskA', 'openingA', 'caseC', 'meetingM'],
  specialistX: ['organisationB'],
  specialistY: ['candidateK', 'caseC', 'organisationB'],
  marketP: ['caseC', 'organisationB'],
  marketQ: ['organisationA', 'workplaceA', 'taskA', 'openingA', 'candidateK', 'caseC', 'meetingM'],
  teamLead: ['organisationB'],
  admin: ['caseC'],
}

/** Staff of office X, who follow candidate K up and may read K's identity (audited). */
export const identityEntitled: readonly Actor[] = ['specialistX', 'teamLead']

// ---------------------------------------------------------------------------------------------
// Common rows

const row = (cells: Expectations): Expectations => cells

/** The same row with a known bug noted on some of its cells (the row's outcome there is the correct one). */
const withBug = (cells: Expectations, buggy: Actor[], knownBug: string, correct?: Outcome): Expectations => {
  const result = { ...cells }
  for (const actor of buggy) result[actor] = { expect: correct ?? expectedOutcome(cells[actor]), knownBug }
  return result
}

const everyone = (outcome: Outcome): Expectations => row({
  anonymous: outcome, employerA: outcome, employerB: outcome, specialistX: outcome, specialistY: outcome,
  marketP: outcome, marketQ: outcome, teamLead: outcome, admin: outcome,
})

/** requireUser: anyone signed in. */
const signedIn = row({ ...everyone('allowed'), anonymous: 'login' })

/** requireEmployer, nothing of an organisation's in the URL. */
const employers = row({
  anonymous: 'login', employerA: 'allowed', employerB: 'allowed',
  specialistX: 'forbidden', specialistY: 'forbidden', marketP: 'forbidden', marketQ: 'forbidden', teamLead: 'forbidden', admin: 'forbidden',
})

/** requireEmployer and a resource of organisation A: members of A only; another organisation's member gets 404. */
const employerOfA = row({ ...employers, employerB: 'not-found' })

/** requireRole('admin'). */
const admins = row({
  anonymous: 'login', employerA: 'forbidden', employerB: 'forbidden',
  specialistX: 'forbidden', specialistY: 'forbidden', marketP: 'forbidden', marketQ: 'forbidden', teamLead: 'forbidden', admin: 'allowed',
})

/** requireStaff: any staff member. */
const staff = row({ ...everyone('allowed'), anonymous: 'login', employerA: 'forbidden', employerB: 'forbidden' })

/** requireStaff + assertCaseworker: specialists and team leads placed at an office. */
const caseworkers = row({ ...staff, marketP: 'forbidden', marketQ: 'forbidden', admin: 'forbidden' })

/** Candidate K or case C: caseworkers of office X; another office's caseworker gets 404. */
const caseworkersOfX = row({ ...caseworkers, specialistY: 'not-found' })

/** Opening A (county P): caseworkers whose office is in county P (X and Y both are). */
const caseworkersInP = caseworkers

/** requireStaff + requireRegion: staff with a region (every staff actor here has one). */
const regionStaff = staff

/** A market resource in county P (organisation A, meeting M): staff whose region holds P; others get 404. */
const regionP = row({ ...staff, marketQ: 'not-found' })

// ---------------------------------------------------------------------------------------------
// The table

const candidate = (ids: WorldIds, rest = '') => `/ansatt/kandidater/${ids.candidateK}${rest}`
const candidateParams = (ids: WorldIds) => ({ candidateId: ids.candidateK })
const staffCase = (ids: WorldIds, rest = '') => `/ansatt/saker/${ids.caseC}${rest}`
const caseParams = (ids: WorldIds) => ({ caseId: ids.caseC })
const workplace = (ids: WorldIds, rest = '') => `/arbeidsgiver/arbeidssteder/${ids.workplaceA}${rest}`
const workplaceParams = (ids: WorldIds) => ({ workplaceId: ids.workplaceA })
const opening = (ids: WorldIds, rest = '') => `/arbeidsgiver/stillinger/${ids.openingA}${rest}`
const openingParams = (ids: WorldIds) => ({ openingId: ids.openingA })
const employerCase = (ids: WorldIds, rest = '') => `/arbeidsgiver/saker/${ids.caseC}${rest}`
const organisation = (ids: WorldIds, rest = '') => `/arbeidsgiver/virksomheter/${ids.organisationA}${rest}`
const organisationParams = (ids: WorldIds) => ({ organisationId: ids.organisationA })
const market = (ids: WorldIds, rest = '') => `/marked/virksomheter/${ids.organisationA}${rest}`

export const authorisationTable: readonly RouteEntry[] = [
  // Public and account pages
  { file: '$.tsx', path: () => '/finnes-ikke', params: () => ({ '*': 'finnes-ikke' }), rule: 'Unknown paths: 404 for everyone.', loader: everyone('not-found') },
  { file: '_index.tsx', path: () => '/', rule: 'Sends the signed-in user home, anyone else to the log-in page.', loader: signedIn },
  { file: 'healthz.ts', path: () => '/healthz', rule: 'Public health check.', loader: everyone('allowed') },
  { file: 'logg-inn.tsx', path: () => '/logg-inn', rule: 'Public; a signed-in user is sent home.', loader: everyone('allowed'), action: { expect: everyone('allowed') } },
  { file: 'logg-ut.tsx', path: () => '/logg-ut', rule: 'Public: ends the session if there is one.', loader: everyone('allowed'), action: { expect: everyone('allowed') } },
  { file: 'registrer.tsx', path: () => '/registrer', rule: 'Public registration; a signed-in user is sent home.', loader: everyone('allowed'), action: { expect: everyone('allowed') } },
  { file: 'glemt-passord.tsx', path: () => '/glemt-passord', rule: 'Public; the same answer whether or not the account exists.', action: { expect: everyone('allowed') } },
  { file: 'tilbakestill-passord.tsx', path: () => '/tilbakestill-passord', rule: 'Public; the token in the link is the credential.', loader: everyone('allowed'), action: { expect: everyone('allowed') } },
  {
    file: 'utvikling.epost._index.tsx',
    path: () => '/utvikling/epost',
    rule: 'Development mailbox: open without log-in on purpose, and only while DEVELOPMENT_MAILBOX is on (the test turns it on); otherwise 404 for everyone.',
    loader: everyone('allowed'),
  },
  {
    file: 'utvikling.epost.$id.tsx',
    path: (ids) => `/utvikling/epost/${ids.mailId}`,
    params: (ids) => ({ id: ids.mailId }),
    rule: 'One mail of the development mailbox; the same rule as the list. The test shows the notice employer A got when K’s details were shared: its link names case C, and nothing personal.',
    loader: everyone('allowed'),
    mayReference: Object.fromEntries(actors.map((actor) => [actor, ['caseC']])),
  },
  {
    file: 'varsler.tsx',
    path: () => '/varsler',
    rule: 'Any signed-in user’s own notices.',
    loader: signedIn,
    action: { expect: signedIn },
    badInput: [
      {
        name: 'read a notice id beyond bigint',
        form: () => ({ intent: 'read', id: '100000000000000000000' }),
        expect: signedIn,
      },
    ],
  },
  { file: 'api.v1.openapi[.]json.ts', path: () => '/api/v1/openapi.json', rule: 'Public description of the JSON API.', loader: everyone('allowed') },

  // Admin
  { file: 'admin._index.tsx', path: () => '/admin', rule: 'Admins only.', loader: admins },
  { file: 'admin.ansatte._index.tsx', path: () => '/admin/ansatte', rule: 'Admins only.', loader: admins },
  { file: 'admin.ansatte.ny.tsx', path: () => '/admin/ansatte/ny', rule: 'Admins only.', loader: admins, action: { expect: admins } },
  {
    file: 'admin.epost.tsx',
    path: () => '/admin/epost',
    rule: 'Admins only.',
    loader: admins,
    action: { expect: admins },
    badInput: [
      {
        name: 'retry an e-mail id beyond bigint',
        form: () => ({ intent: 'retry', id: '100000000000000000000' }),
        expect: admins,
      },
    ],
  },
  {
    file: 'admin.kontorer.$officeId.tsx',
    path: (ids) => `/admin/kontorer/${ids.officeX}`,
    params: (ids) => ({ officeId: ids.officeX }),
    rule: 'Admins only.',
    loader: admins,
    action: { expect: admins },
  },
  { file: 'admin.kontorer._index.tsx', path: () => '/admin/kontorer', rule: 'Admins only.', loader: admins, action: { expect: admins } },
  {
    file: 'admin.logg.tsx',
    path: () => '/admin/logg',
    rule: 'Admins only; the audit log names subjects by id (a case, a candidate), never by a candidate’s name.',
    loader: admins,
    mayReference: { admin: ['caseC'] },
  },
  { file: 'admin.sokeindeks.tsx', path: () => '/admin/sokeindeks', rule: 'Admins only.', loader: admins, action: { expect: admins } },
  { file: 'team.tsx', path: () => '/team', rule: 'Team leads only.', loader: row({ ...admins, teamLead: 'allowed', admin: 'forbidden' }) },

  // Staff: the office, candidates, cases, openings
  {
    file: 'ansatt._index.tsx',
    path: () => '/ansatt',
    rule: 'Any staff member sees their office; only caseworkers (specialists, team leads) register absence.',
    loader: staff,
    action: { expect: caseworkers },
  },
  { file: 'ansatt.kandidater._index.tsx', path: () => '/ansatt/kandidater', rule: 'Caseworkers: their own caseload (anonymised labels).', loader: caseworkers },
  { file: 'ansatt.kandidater.ny.tsx', path: () => '/ansatt/kandidater/ny', rule: 'Caseworkers.', loader: caseworkers, action: { expect: caseworkers } },
  {
    file: 'ansatt.kandidater.$candidateId._index.tsx',
    path: (ids) => candidate(ids),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office; anyone else at NAV gets 404.',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
  },
  {
    file: 'ansatt.kandidater.$candidateId.forhandsvisning.tsx',
    path: (ids) => candidate(ids, '/forhandsvisning'),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office.',
    loader: caseworkersOfX,
  },
  {
    file: 'ansatt.kandidater.$candidateId.overfor.tsx',
    path: (ids) => candidate(ids, '/overfor'),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office.',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
  },
  {
    file: 'ansatt.kandidater.$candidateId.personalia.tsx',
    path: (ids) => candidate(ids, '/personalia?grunn=kontakt'),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office; the identity is shown only with a reason, and every read is audited.',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
  },
  {
    file: 'ansatt.kandidater.$candidateId.profil.tsx',
    path: (ids) => candidate(ids, '/profil'),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office.',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
  },
  {
    file: 'ansatt.kandidater.$candidateId.samtykke.tsx',
    path: (ids) => candidate(ids, '/samtykke'),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office.',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
  },
  {
    file: 'ansatt.kandidater.$candidateId.stillinger.tsx',
    path: (ids) => candidate(ids, '/stillinger'),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office.',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
    badInput: [
      {
        name: 'shortlist an opening that does not exist',
        form: () => ({ openingId: '00000000-0000-4000-8000-000000000000', shortlisted: 'ja' }),
        expect: { ...caseworkersOfX, specialistX: 'not-found', teamLead: 'not-found' },
      },
    ],
  },
  {
    file: 'ansatt.kandidater.$candidateId.personvern.tsx',
    // With the notice of a deletion, so the loader's way for an id that is gone runs too.
    path: (ids) => candidate(ids, '/personvern?melding=slettet'),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office; deleting is for the responsible specialist and team leads at the office.',
    loader: caseworkersOfX,
    // `delete` without a reason: the deletion rules run and refuse before anything is deleted.
    action: { form: () => ({ intent: 'delete' }), expect: caseworkersOfX },
  },
  {
    file: 'ansatt.kandidater.$candidateId.eksport[.]json.ts',
    path: (ids) => candidate(ids, '/eksport.json'),
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office: everything stored about the candidate, identity included (audited).',
    loader: caseworkersOfX,
  },
  { file: 'ansatt.saker._index.tsx', path: () => '/ansatt/saker', rule: 'Caseworkers: their office’s cases.', loader: caseworkers },
  {
    file: 'ansatt.saker.$caseId.tsx',
    path: (ids) => staffCase(ids),
    params: caseParams,
    rule: 'Caseworkers of the candidate’s office; moving the case is for its owner and team leads.',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
    badInput: [
      {
        name: 'take with a version that is not a number',
        form: () => ({ intent: 'take', version: 'abc' }),
        expect: caseworkersOfX,
      },
    ],
  },
  {
    file: 'ansatt.saker.$caseId.deling.tsx',
    path: (ids) => staffCase(ids, '/deling'),
    params: caseParams,
    rule: 'Caseworkers of the candidate’s office; the shared values only for those who may act on the case (audited).',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
  },
  {
    file: 'ansatt.saker.$caseId_.utproving.tsx',
    path: (ids) => staffCase(ids, '/utproving'),
    params: caseParams,
    rule: 'Caseworkers of the candidate’s office.',
    loader: caseworkersOfX,
    action: { expect: caseworkersOfX },
    badInput: [
      {
        name: 'follow-up held on an impossible date',
        form: () => ({ intent: 'followUpHeld', dueOn: '2026-13-45' }),
        expect: caseworkersOfX,
      },
    ],
  },
  { file: 'ansatt.stillinger._index.tsx', path: () => '/ansatt/stillinger', rule: 'Caseworkers: published openings in their office’s county.', loader: caseworkers },
  {
    file: 'ansatt.stillinger.$openingId.tsx',
    path: (ids) => `/ansatt/stillinger/${ids.openingA}`,
    params: openingParams,
    rule: 'Caseworkers whose office is in the opening’s county; they see and shortlist their own office’s candidates only (another office’s candidate is 404).',
    loader: caseworkersInP,
    // Taking K off a shortlist K is not on: the candidate check runs, and nothing changes.
    action: { form: (ids) => ({ candidateId: ids.candidateK, shortlisted: 'nei' }), expect: caseworkersOfX },
  },

  // JSON API
  {
    file: 'api.v1.candidates.$candidateId.openings.ts',
    path: (ids) => `/api/v1/candidates/${ids.candidateK}/openings`,
    params: candidateParams,
    rule: 'Caseworkers of the candidate’s office; 401 without a session, 403 for employers, 404 for other offices.',
    loader: row({ ...caseworkersOfX, anonymous: 'unauthenticated' }),
  },
  {
    file: 'api.v1.openings.$openingId.candidates.ts',
    path: (ids) => `/api/v1/openings/${ids.openingA}/candidates`,
    params: openingParams,
    rule: 'Members of the opening’s organisation (terms accepted), and caseworkers in its county (their own candidates); 401 without a session.',
    loader: row({ ...caseworkersInP, anonymous: 'unauthenticated', employerA: 'allowed', employerB: 'not-found' }),
  },

  // Employers
  {
    file: 'arbeidsgiver._index.tsx',
    path: () => '/arbeidsgiver',
    rule: 'Employers: their own organisations, and the ones they asked to join (by name only, while they wait).',
    loader: employers,
    mayReference: { employerB: ['organisationA'] },
  },
  { file: 'arbeidsgiver.vilkar.tsx', path: () => '/arbeidsgiver/vilkar', rule: 'Employers.', loader: employers, action: { expect: employers } },
  {
    file: 'arbeidsgiver.medlemmer.tsx',
    path: () => '/arbeidsgiver/medlemmer',
    rule: 'Employers: members of their own organisations; inviting to another organisation is 404.',
    loader: employers,
    action: { form: (ids) => ({ intent: 'invite', organisationId: ids.organisationA }), expect: employerOfA },
  },
  { file: 'arbeidsgiver.saker._index.tsx', path: () => '/arbeidsgiver/saker', rule: 'Employers: their organisations’ cases.', loader: employers },
  {
    file: 'arbeidsgiver.virksomheter.$organisationId._index.tsx',
    path: (ids) => organisation(ids),
    params: organisationParams,
    rule: 'Members of the organisation.',
    loader: employerOfA,
    action: { expect: employerOfA },
  },
  {
    file: 'arbeidsgiver.virksomheter.$organisationId.arbeidssteder.ny.tsx',
    path: (ids) => organisation(ids, '/arbeidssteder/ny'),
    params: organisationParams,
    rule: 'Members of the organisation.',
    loader: employerOfA,
    action: { expect: employerOfA },
  },
  { file: 'arbeidsgiver.arbeidssteder.$workplaceId._index.tsx', path: (ids) => workplace(ids), params: workplaceParams, rule: 'Members of the workplace’s organisation.', loader: employerOfA, action: { expect: employerOfA } },
  { file: 'arbeidsgiver.arbeidssteder.$workplaceId.rediger.tsx', path: (ids) => workplace(ids, '/rediger'), params: workplaceParams, rule: 'Members of the workplace’s organisation.', loader: employerOfA, action: { expect: employerOfA } },
  { file: 'arbeidsgiver.arbeidssteder.$workplaceId.jobbsnekring.tsx', path: (ids) => workplace(ids, '/jobbsnekring'), params: workplaceParams, rule: 'Members of the workplace’s organisation.', loader: employerOfA, action: { expect: employerOfA } },
  { file: 'arbeidsgiver.arbeidssteder.$workplaceId.oppgaver.ny.tsx', path: (ids) => workplace(ids, '/oppgaver/ny'), params: workplaceParams, rule: 'Members of the workplace’s organisation.', loader: employerOfA, action: { expect: employerOfA } },
  { file: 'arbeidsgiver.arbeidssteder.$workplaceId.oppgaver.katalog.tsx', path: (ids) => workplace(ids, '/oppgaver/katalog'), params: workplaceParams, rule: 'Members of the workplace’s organisation.', loader: employerOfA, action: { expect: employerOfA } },
  {
    file: 'arbeidsgiver.arbeidssteder.$workplaceId.oppgaver.$taskId.tsx',
    path: (ids) => workplace(ids, `/oppgaver/${ids.taskA}`),
    params: (ids) => ({ workplaceId: ids.workplaceA, taskId: ids.taskA }),
    rule: 'Members of the workplace’s organisation.',
    loader: employerOfA,
    action: { expect: employerOfA },
  },
  { file: 'arbeidsgiver.arbeidssteder.$workplaceId.stillinger.ny.tsx', path: (ids) => workplace(ids, '/stillinger/ny'), params: workplaceParams, rule: 'Members of the workplace’s organisation.', loader: employerOfA, action: { expect: employerOfA } },
  { file: 'arbeidsgiver.stillinger.$openingId._index.tsx', path: (ids) => opening(ids), params: openingParams, rule: 'Members of the opening’s organisation.', loader: employerOfA, action: { expect: employerOfA } },
  { file: 'arbeidsgiver.stillinger.$openingId.rediger.tsx', path: (ids) => opening(ids, '/rediger'), params: openingParams, rule: 'Members of the opening’s organisation.', loader: employerOfA, action: { expect: employerOfA } },
  {
    file: 'arbeidsgiver.stillinger.$openingId.kandidater.tsx',
    path: (ids) => opening(ids, '/kandidater'),
    params: openingParams,
    rule: 'Members of the opening’s organisation who accepted the terms; anonymised profiles only.',
    loader: employerOfA,
    action: { expect: employerOfA },
  },
  { file: 'arbeidsgiver.saker.$caseId.tsx', path: (ids) => employerCase(ids), params: caseParams, rule: 'Members of the organisation that owns the case’s opening.', loader: employerOfA, action: { expect: employerOfA } },
  {
    file: 'arbeidsgiver.saker.$caseId.kontakt.tsx',
    path: (ids) => employerCase(ids, '/kontakt'),
    params: caseParams,
    rule: 'Members of the case’s organisation (terms accepted): the contact details NAV shared after consent (audited).',
    loader: employerOfA,
    sharedIdentityFor: ['employerA'],
  },
  { file: 'arbeidsgiver.saker.$caseId_.utproving.tsx', path: (ids) => employerCase(ids, '/utproving'), params: caseParams, rule: 'Members of the case’s organisation.', loader: employerOfA, action: { expect: employerOfA } },

  // Market coordination
  { file: 'marked._index.tsx', path: () => '/marked', rule: 'Staff with a region: the employers in it.', loader: regionStaff },
  { file: 'marked.ny.tsx', path: () => '/marked/ny', rule: 'Staff with a region.', loader: regionStaff, action: { expect: regionStaff } },
  {
    file: 'marked.oversikt.tsx',
    path: () => '/marked/oversikt',
    rule: 'Staff with a region: its figures. The candidates waiting longest for a first contact are the whole region’s, by anonymised label, so staff of another office in the county see K’s label there.',
    loader: regionStaff,
    mayReference: { specialistY: ['candidateK'] },
  },
  {
    file: 'marked.tavle.tsx',
    path: () => '/marked/tavle',
    rule: 'Staff with a region; a move of an employer outside it is 404.',
    loader: regionStaff,
    action: { form: (ids) => ({ organisationId: ids.organisationA }), expect: regionP },
  },
  {
    file: 'marked.virksomheter.$organisationId._index.tsx',
    path: (ids) => market(ids),
    params: organisationParams,
    rule: 'Staff whose region holds the employer’s county; only a market contact covering the county may own it (403 for the others).',
    loader: regionP,
    // Taking what market contact P already owns: the ownership rule runs, and nothing changes.
    action: { form: () => ({ intent: 'take' }), expect: row({ ...regionP, specialistX: 'forbidden', specialistY: 'forbidden', teamLead: 'forbidden', admin: 'forbidden' }) },
  },
  { file: 'marked.virksomheter.$organisationId.kontakt.tsx', path: (ids) => market(ids, '/kontakt'), params: organisationParams, rule: 'Staff whose region holds the employer’s county.', loader: regionP, action: { expect: regionP } },
  { file: 'marked.matchemoter._index.tsx', path: () => '/marked/matchemoter', rule: 'Staff with a region: its meetings.', loader: regionStaff, action: { expect: regionStaff } },
  {
    file: 'marked.matchemoter.$meetingId.tsx',
    path: (ids) => `/marked/matchemoter/${ids.meetingM}`,
    params: (ids) => ({ meetingId: ids.meetingM }),
    rule: 'Staff whose region holds the meeting’s county may read it, with its candidates anonymised (so staff of another office see K’s label); only its participants and its creator write in it (403 for the others).',
    loader: regionP,
    action: {
      // Adding an opening that is already on the list: the recorder check runs, and nothing changes.
      form: (ids) => ({ intent: 'addOpening', openingId: ids.openingA }),
      expect: row({ ...regionP, specialistY: 'forbidden', teamLead: 'forbidden', admin: 'forbidden' }),
    },
    mayReference: { specialistY: ['candidateK'] },
  },
]

// ---------------------------------------------------------------------------------------------
// The doc


const outcomeSymbols: Record<Outcome, string> = { allowed: '✓', forbidden: '403', 'not-found': '404', login: 'login', unauthenticated: '401' }

/** The route's URL pattern as Remix's flat routes read the file name. */
export function urlPattern(file: string): string {
  const name = file.replace(/\.(tsx|ts)$/, '')
  if (name === '$') return '/*'
  const segments = name
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== '_index')
    .map((segment) => segment.replace(/_$/, '').replace(/\[(.*?)\]/g, '$1'))
    .map((segment) => (segment.startsWith('$') ? `:${segment.slice(1)}` : segment))
  return `/${segments.join('/')}`
}

export function renderAuthorisationDoc(table: readonly RouteEntry[] = authorisationTable): string {
  const lines: string[] = []
  // One line per bug: the route, the function and the actors it concerns.
  const bugs = new Map<string, { where: string; actors: Actor[]; note: string }>()
  lines.push(
    '# Authorisation',
    '',
    '<!-- Generated from tests/support/authorisation-table.ts by `node --import tsx scripts/authorisation-doc.ts`. Do not edit by hand. -->',
    '',
    'Who may use which route. The table below is the one `tests/integration/authorisation-matrix.test.ts` checks: it calls',
    'every loader and action in `app/routes` as each actor, with a real session and CSRF token, against a small world of',
    'two organisations, two NAV offices in one county and market contacts in two counties. The test fails when a route file',
    'is missing from the table, when the table names a file that does not exist, and when this document differs from the table.',
    '',
    'It also checks the identity rule: no response to an employer contains candidate K’s name, national ID number, birth',
    'date, phone number or e-mail address (only the employer of the case may receive the details NAV shared with consent, on',
    'the case’s contact page; never the national ID number or birth date), and no staff member outside K’s office gets any of them.',
    'And it checks isolation: the resources each actor must not see referenced at all (by id, or K by its anonymised label),',
    'except where a route’s rule below says otherwise.',
    '',
    '## Actors',
    '',
    '| Actor | Who | Must not see referenced |',
    '| --- | --- | --- |',
    ...actors.map((actor) => `| ${actor} | ${actorDescriptions[actor]} | ${isolation[actor].join(', ')} |`),
    '',
    'The world: organisation A (county P) has workplace, task, published opening and case C with candidate K (followed up',
    'at office X, county P; the case is in a running trial and NAV has shared K’s name, phone and e-mail with A). Meeting M',
    'is a matching meeting in county P with K and A’s opening on it; market contact P owns the relationship with A.',
    '',
    '## Outcomes',
    '',
    '| Mark | Outcome |',
    '| --- | --- |',
    '| ✓ | allowed: a status below 400 (a redirect that is not to the log-in page counts); for an action also an answer that is not about access, such as 400 for the minimal form the test sends |',
    '| 403 | forbidden |',
    '| 404 | not found: someone else’s resource is answered like one that does not exist |',
    '| login | a redirect to `/logg-inn`, with `redirectTo` back to the page |',
    '| 401 | the JSON API’s answer to a request without a session |',
    '',
    'A mark with ⚠ is a known bug: the mark is the correct outcome, the route does something else today (see the list at the end).',
    '',
    '## Routes',
    '',
    `| Route file | URL | | ${actors.join(' | ')} |`,
    `| --- | --- | --- | ${actors.map(() => '---').join(' | ')} |`,
  )
  const cellText = (file: string, fn: string, actor: Actor, cell: Cell) => {
    const bug = knownBugOf(cell)
    if (bug) {
      const key = `${file}\n${fn}\n${bug}`
      const found = bugs.get(key) ?? { where: `\`${file}\` ${fn}`, actors: [], note: bug }
      found.actors.push(actor)
      bugs.set(key, found)
    }
    return `${outcomeSymbols[expectedOutcome(cell)]}${bug ? ' ⚠' : ''}`
  }
  for (const entry of table) {
    const functions: [string, Expectations][] = []
    if (entry.loader) functions.push(['loader', entry.loader])
    if (entry.action) functions.push(['action', entry.action.expect])
    for (const variant of entry.badInput ?? []) functions.push([`action: ${variant.name}`, variant.expect])
    for (const [index, [fn, expectations]] of functions.entries()) {
      const first = index === 0
      const fileCell = first ? `\`${entry.file}\`` : ''
      const urlCell = first ? `\`${urlPattern(entry.file)}\`` : ''
      lines.push(`| ${fileCell} | ${urlCell} | ${fn} | ${actors.map((actor) => cellText(entry.file, fn, actor, expectations[actor])).join(' | ')} |`)
    }
  }
  lines.push('', '## Rules per route', '')
  for (const entry of table) {
    const exceptions = Object.entries(entry.mayReference ?? {}).map(([actor, keys]) => `${actor}: ${keys.join(', ')}`)
    const shared = entry.sharedIdentityFor ? ` Receives K’s shared contact details: ${entry.sharedIdentityFor.join(', ')}.` : ''
    lines.push(`- \`${entry.file}\`: ${entry.rule}${shared}${exceptions.length > 0 ? ` May reference: ${exceptions.join('; ')}.` : ''}`)
  }
  lines.push('', '## Known bugs', '')
  lines.push(...(bugs.size > 0 ? [...bugs.values()].map((bug) => `- ${bug.where} (${bug.actors.join(', ')}): ${bug.note}`) : ['None.']))
  lines.push('')
  return lines.join('\n')
}
