// The virtual users of the load test: who they are, how each logs in and finds its own pages, and the round of
// pages and actions each one repeats. A round is what a person does in a few minutes of work, compressed.
import { DEMO_PASSWORD, demoLogins } from '../scripts/demo-logins'
import { Browser, encodeForm, fieldOf, formsOf, linksOf, type HtmlForm } from './load-http'

export type Role = 'employer' | 'specialist' | 'market'

/** Demo accounts that employers log in as; every employer user gets an account of their own (cloned, see load.ts). */
export const employerSources = [
  demoLogins.employer,
  'daglig.leder@bryggen-hotell.example',
  'personal@sagene-helsehus.example',
  'drift@alnabru-lager.example',
]
/** Specialists and market contacts share the demo accounts, each user with a session of its own. */
export const specialistAccounts = [
  demoLogins.specialist,
  demoLogins.teamLead,
  'jobbspesialist.bergen@jobbsnekker.example',
  'veileder.baerum@jobbsnekker.example',
]
export const marketAccounts = [demoLogins.marketContact, 'markedskontakt.vestland@jobbsnekker.example']

export const cloneEmail = (index: number) => `last.arbeidsgiver.${String(index).padStart(2, '0')}@jobbsnekker.example`

export type VirtualUser = {
  index: number
  role: Role
  email: string
  browser: Browser
  /** Pages found while logging in, rotated through round by round. */
  paths: Record<string, string[]>
  round: number
  /** The form read from the last page, for the action that follows it. */
  form: HtmlForm | undefined
  formPath: string | undefined
  /** What the request on the wire is, for the per-kind figures and the status check. */
  inFlight: { kind: string; expect: number[] }
  /** Interest expressions sent, to stay under the portal's limit per user (60 in 10 minutes). */
  interestTimes: number[]
  lastInterestForm: HtmlForm | undefined
  /** Interest sent again for a candidate with a case already, from a stale page. */
  repeatedInterest: number
  interestRepeat: boolean
}

/** 40 % employers, 40 % specialists, 20 % market contacts; at least one of each from three users. */
export function roleMix(connections: number): Role[] {
  const market = connections >= 3 ? Math.max(1, Math.round(connections * 0.2)) : 0
  const employers = Math.max(1, Math.round(connections * 0.4))
  const specialists = Math.max(0, connections - employers - market)
  return [...Array<Role>(employers).fill('employer'), ...Array<Role>(specialists).fill('specialist'), ...Array<Role>(market).fill('market')]
}

const id = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const path = (pattern: string) => new RegExp(`^${pattern.replaceAll(':id', id)}$`)

async function page(browser: Browser, target: string): Promise<string> {
  const response = await browser.getFollowing(target)
  if (response.status !== 200) throw new Error(`${target} answered ${response.status} during setup: ${response.body.slice(0, 300)}`)
  return response.body
}

async function logIn(browser: Browser, email: string): Promise<void> {
  const form = formsOf(await page(browser, '/logg-inn')).find((candidate) => fieldOf(candidate, 'csrf') !== undefined)
  if (!form) throw new Error('The log-in page has no form with a CSRF token')
  const response = await browser.post('/logg-inn', encodeForm(form, { email, password: DEMO_PASSWORD }))
  if (response.status !== 302 || !browser.jar.has('__session')) throw new Error(`Log-in as ${email} failed: ${response.status} ${response.body.slice(0, 300)}`)
}

/** Employers accept the terms once, when the portal first asks (before it shows candidates). */
async function getAcceptingTerms(browser: Browser, target: string) {
  const response = await browser.get(target)
  if (response.status !== 302 || !response.location?.startsWith('/arbeidsgiver/vilkar')) return response
  const terms = await page(browser, response.location)
  const form = formsOf(terms).find((candidate) => fieldOf(candidate, 'tilbake') !== undefined)
  if (!form) throw new Error('The terms page has no form')
  const accepted = await browser.post(response.location, encodeForm(form, { accept: 'ja' }))
  if (accepted.status !== 302) throw new Error(`Accepting the terms failed: ${accepted.status}`)
  return browser.get(target)
}

async function discover(user: VirtualUser): Promise<void> {
  const { browser } = user
  if (user.role === 'employer') {
    const home = await page(browser, '/arbeidsgiver')
    const workplaces = linksOf(home, path('/arbeidsgiver/arbeidssteder/:id'))
    const openings = new Set(linksOf(home, path('/arbeidsgiver/stillinger/:id')))
    const tasks: string[] = []
    for (const workplace of workplaces) {
      const html = await page(browser, workplace)
      tasks.push(...linksOf(html, path('/arbeidsgiver/arbeidssteder/:id/oppgaver/:id')))
      for (const opening of linksOf(html, path('/arbeidsgiver/stillinger/:id'))) openings.add(opening)
    }
    // Only published openings have a candidate list with something to be interested in.
    const matching: string[] = []
    for (const opening of openings) {
      const response = await getAcceptingTerms(browser, `${opening}/kandidater`)
      if (response.status === 200 && formsOf(response.body).some((form) => fieldOf(form, 'candidateId'))) matching.push(`${opening}/kandidater`)
    }
    user.paths = { workplaces, openings: [...openings], tasks, matching }
  } else if (user.role === 'specialist') {
    const caseload = await page(browser, '/ansatt/kandidater')
    user.paths = { candidates: linksOf(caseload, path('/ansatt/kandidater/:id')) }
  } else {
    const register = await page(browser, '/marked')
    user.paths = { organisations: linksOf(register, path('/marked/virksomheter/:id')) }
  }
  // An organisation without a published opening has no candidate list; its employers look at their openings instead.
  const missing = Object.entries(user.paths).filter(([name, found]) => found.length === 0 && name !== 'matching')
  if (missing.length > 0) throw new Error(`${user.email} found no ${missing.map(([name]) => name).join(', ')} in the demo data`)
}

export async function createUser(baseUrl: string, index: number, role: Role, email: string): Promise<VirtualUser> {
  const user: VirtualUser = {
    index,
    role,
    email,
    browser: new Browser(baseUrl),
    paths: {},
    round: 0,
    form: undefined,
    formPath: undefined,
    inFlight: { kind: 'setup', expect: [200] },
    interestTimes: [],
    lastInterestForm: undefined,
    repeatedInterest: 0,
    interestRepeat: false,
  }
  await logIn(user.browser, email)
  await discover(user)
  return user
}

/** One request of a round: where it goes and what it sends, decided when it is sent. */
export type Step = {
  kind: string
  /** Answers that mean it worked; anything else is an error. */
  expect: number[]
  build: (user: VirtualUser) => { method: 'GET' | 'POST'; path: string; body?: string; kind?: string; expect?: number[] }
  /** Reads the answer (say the form for the next step). */
  read?: (user: VirtualUser, body: string) => void
}

const MATCHING_FALLBACK = { kind: 'opening page', expect: [200] }

function pick(user: VirtualUser, name: string, offset = 0): string {
  const list = user.paths[name]!
  return list[(user.round + user.index + offset) % list.length]!
}

function rememberForm(user: VirtualUser, body: string, wanted: (form: HtmlForm) => boolean): void {
  user.form = formsOf(body).find(wanted)
}

const INTEREST_LIMIT = 50
const INTEREST_WINDOW_MS = 10 * 60 * 1000

function todayInNorway(): string {
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date())
}

export const rounds: Record<Role, Step[]> = {
  employer: [
    { kind: 'employer home', expect: [200], build: () => ({ method: 'GET', path: '/arbeidsgiver' }) },
    { kind: 'workplace page', expect: [200], build: (user) => ({ method: 'GET', path: pick(user, 'workplaces') }) },
    {
      kind: 'task page',
      expect: [200],
      build: (user) => {
        user.formPath = pick(user, 'tasks')
        return { method: 'GET', path: user.formPath }
      },
      read: (user, body) => rememberForm(user, body, (form) => fieldOf(form, 'hoursPerWeek') !== undefined),
    },
    {
      // Saved as it stands, confirmed for live openings: the edit runs in full and the next round can do it again.
      kind: 'task edit (POST)',
      expect: [302],
      build: (user) => {
        if (!user.form || !user.formPath) return { method: 'GET', path: pick(user, 'workplaces'), kind: 'workplace page', expect: [200] }
        return { method: 'POST', path: user.formPath, body: encodeForm(user.form, { confirmLiveOpenings: 'on' }) }
      },
    },
    { kind: 'opening page', expect: [200], build: (user) => ({ method: 'GET', path: pick(user, 'openings') }) },
    {
      kind: 'candidates for opening (matching)',
      expect: [200],
      build: (user) => {
        if (user.paths.matching!.length === 0) {
          user.formPath = undefined
          return { method: 'GET', path: pick(user, 'openings', 1), ...MATCHING_FALLBACK }
        }
        user.formPath = pick(user, 'matching')
        return { method: 'GET', path: user.formPath }
      },
      read: (user, body) => {
        const forms = formsOf(body).filter((form) => fieldOf(form, 'candidateId'))
        // Once every listed candidate has a case (the form gives way to it), the user sends the last form again, as
        // from a stale tab: interest shown twice.
        user.form = forms[(user.round + user.index) % Math.max(1, forms.length)] ?? user.lastInterestForm
        user.interestRepeat = forms.length === 0 && user.form !== undefined
        if (forms.length > 0) user.lastInterestForm = user.form
      },
    },
    {
      // Interest in a candidate already shown interest in must be answered like the first time, not fail.
      kind: 'express interest (POST)',
      expect: [302],
      build: (user) => {
        const now = Date.now()
        user.interestTimes = user.interestTimes.filter((time) => now - time < INTEREST_WINDOW_MS)
        if (user.paths.matching!.length === 0) return { method: 'GET', path: pick(user, 'openings', 2), ...MATCHING_FALLBACK }
        if (!user.form || !user.formPath || user.interestTimes.length >= INTEREST_LIMIT)
          return { method: 'GET', path: pick(user, 'matching'), kind: 'candidates for opening (matching)', expect: [200] }
        user.interestTimes.push(now)
        if (user.interestRepeat) user.repeatedInterest++
        return { method: 'POST', path: user.formPath, body: encodeForm(user.form, { message: 'Vi vil gjerne snakke med kandidaten.' }) }
      },
    },
    { kind: 'employer case list', expect: [200], build: () => ({ method: 'GET', path: '/arbeidsgiver/saker' }) },
  ],
  specialist: [
    { kind: 'staff home', expect: [200], build: () => ({ method: 'GET', path: '/ansatt' }) },
    { kind: 'caseload', expect: [200], build: () => ({ method: 'GET', path: '/ansatt/kandidater' }) },
    { kind: 'candidate page', expect: [200], build: (user) => ({ method: 'GET', path: pick(user, 'candidates') }) },
    { kind: 'openings for candidate (matching)', expect: [200], build: (user) => ({ method: 'GET', path: `${pick(user, 'candidates')}/stillinger` }) },
    { kind: 'opening search (region)', expect: [200], build: () => ({ method: 'GET', path: '/ansatt/stillinger' }) },
    { kind: 'candidate page', expect: [200], build: (user) => ({ method: 'GET', path: pick(user, 'candidates', 1) }) },
    { kind: 'staff case list', expect: [200], build: () => ({ method: 'GET', path: '/ansatt/saker' }) },
  ],
  market: [
    { kind: 'market register', expect: [200], build: () => ({ method: 'GET', path: '/marked' }) },
    { kind: 'market board', expect: [200], build: () => ({ method: 'GET', path: '/marked/tavle' }) },
    { kind: 'organisation page', expect: [200], build: (user) => ({ method: 'GET', path: pick(user, 'organisations') }) },
    {
      kind: 'contact log form',
      expect: [200],
      build: (user) => {
        user.formPath = `${pick(user, 'organisations')}/kontakt`
        return { method: 'GET', path: user.formPath }
      },
      read: (user, body) => rememberForm(user, body, (form) => fieldOf(form, 'summary') !== undefined),
    },
    {
      kind: 'log employer contact (POST)',
      expect: [302],
      build: (user) => {
        if (!user.form || !user.formPath) return { method: 'GET', path: '/marked', kind: 'market register', expect: [200] }
        const kinds = (user.form.choices.kind ?? []).filter((value) => value !== '')
        return {
          method: 'POST',
          path: user.formPath,
          body: encodeForm(user.form, {
            kind: kinds[user.round % Math.max(1, kinds.length)] ?? 'phone',
            contactedOn: todayInNorway(),
            summary: 'Ringte for å høre om behovet for folk framover.',
          }),
        }
      },
    },
    { kind: 'market register (filtered)', expect: [200], build: () => ({ method: 'GET', path: '/marked?sok=as' }) },
  ],
}
