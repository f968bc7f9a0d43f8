/**
 * The JSON API under /api/v1/: the same matches as the pages, with the same authorisation and anonymisation.
 *
 * The zod schemas below are the contract. Every response body is parsed through its schema before it is sent, and
 * every object schema is strict, so the API can never send a key the schema does not name: a key added to the
 * anonymised candidate document without updating these schemas makes the response fail (500) instead of leaking. The
 * OpenAPI description at /api/v1/openapi.json is generated from the same schemas (@asteasolutions/zod-to-openapi 7.x,
 * the line that supports zod 3). Decision: docs/decisions/009-json-api.md.
 */
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi'
import { json } from '@remix-run/node'
import { z } from 'zod'
import type { User } from '../../prisma-free-sql/queries/users'
import type { ComponentScore } from '../../matching/scoring'
import type { AnonymisedCandidate } from '../../search-index/candidate-document'
import type { OpeningDocument } from '../../search-index/opening-document'
import { requireUser } from '../utils/auth.server'
import { getSql } from '../utils/db.server'
import { findOffice } from '../../prisma-free-sql/queries/offices'
import { findOpeningRegion } from '../../prisma-free-sql/queries/openings'
import { assertCaseworker } from './candidates.server'
import { notFound, requireUuid } from './employer-access.server'
import { MATCHES_PER_PAGE, type CandidateMatch, type OpeningMatch } from './matching.server'
import { isDatabaseUnavailable } from '../../prisma-free-sql/db'

extendZodWithOpenApi(z)

// ---------------------------------------------------------------------------------------------
// Schemas

const optionSchema = z.object({ code: z.string(), name: z.string() }).strict().openapi('Option', { description: 'A coded value with its bokmål name.' })

const dayPartsSchema = z.array(z.string())

export const anonymisedCandidateSchema = z
  .object({
    id: z.string().uuid(),
    label: z.string().openapi({ description: 'A short, stable label derived from the id, not from the person.', example: 'Kandidat 3F2A9C' }),
    location: z
      .object({
        level: z.enum(['municipality', 'county']),
        name: z.string(),
        countyNumber: z.string(),
        countyName: z.string(),
      })
      .strict()
      .openapi({ description: 'The municipality only when enough visible candidates live there; otherwise the county.' }),
    pitch: z.string(),
    wantedTasks: z.array(optionSchema),
    possibleTasks: z.array(optionSchema),
    occupations: z.array(optionSchema).openapi({ description: 'STYRK-08 occupations.' }),
    workExperience: z.string(),
    informalCompetence: z.string(),
    educationLevel: optionSchema.nullable(),
    certificates: z.array(optionSchema),
    canObtainPoliceCertificate: z.boolean().nullable(),
    hoursMin: z.number(),
    hoursMax: z.number(),
    gradualIncrease: z.boolean(),
    timesOfDay: dayPartsSchema,
    days: dayPartsSchema,
    workArea: z
      .object({
        municipalities: z.array(optionSchema),
        counties: z.array(z.object({ code: z.string(), name: z.string(), whole: z.boolean() }).strict()),
      })
      .strict(),
    earliestStart: z.string().openapi({ format: 'date' }),
    tolerances: z.record(z.string(), z.number().int().min(0).max(2)).openapi({ description: 'Demand dimension → highest level (0–2) the candidate can work with.' }),
    accommodationNeeds: z.array(optionSchema),
    oralNorwegian: z.number().int(),
    writtenNorwegian: z.number().int(),
    measures: z.array(optionSchema),
    consentScope: z.object({ scope: z.enum(['all', 'counties']), counties: z.array(z.string()) }).strict(),
  })
  .strict()
  .openapi('AnonymisedCandidate', {
    description: 'What employers may know about a candidate: the profile without any identity (no name, national ID number, phone or e-mail).',
  })

export const openingDocumentSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    description: z.string(),
    organisationId: z.string().uuid(),
    organisationName: z.string(),
    workplaceId: z.string().uuid(),
    workplaceName: z.string(),
    municipality: optionSchema,
    county: optionSchema,
    openingType: optionSchema,
    hoursMin: z.number(),
    hoursMax: z.number(),
    timesOfDay: dayPartsSchema,
    days: dayPartsSchema,
    flexibility: z.string(),
    startDate: z.string().openapi({ format: 'date' }),
    durationWeeks: z.number().nullable(),
    places: z.number().int(),
    hireProspect: z.string(),
    accommodations: z.array(z.string()),
    mentorAvailable: z.boolean(),
    measures: z.array(z.string()),
    tasks: z.array(z.object({ name: z.string(), catalogueCode: z.string().nullable(), hoursPerWeek: z.number() }).strict()),
    requirements: z.array(z.string()),
  })
  .strict()
  .openapi('Opening', { description: 'A published opening as specialists see it (the workplace contact person is not included).' })

const componentCodes = ['taskFit', 'demands', 'accommodation', 'schedule', 'language', 'occupation', 'experience', 'textRelevance', 'hours'] as const

export const componentScoreSchema = z
  .object({
    code: z.enum(componentCodes),
    label: z.string(),
    weight: z.number().openapi({ description: 'The configured weight, before renormalisation over the components that apply.' }),
    value: z.number().min(0).max(1),
    applicable: z.boolean(),
    reasons: z.array(z.string()).openapi({ description: 'Reasons in bokmål.' }),
  })
  .strict()
  .openapi('MatchComponent')

/** The explanation of one match, as the API shows it (only matches that pass the hard constraints are listed). */
const matchExplanationShape = {
  score: z.number().int().min(0).max(100).openapi({ description: '0–100; higher is a better fit.' }),
  summary: z.array(z.string()).openapi({ description: 'The 2–4 most telling reasons in bokmål, positive first.' }),
  components: z.array(componentScoreSchema),
  whatWouldMakeItFit: z.array(z.string()).openapi({ description: 'The smallest changes that would make it fit, or fit better (bokmål).' }),
}

export const candidateMatchSchema = z
  .object({ candidate: anonymisedCandidateSchema, ...matchExplanationShape, interested: z.boolean().openapi({ description: 'An employer has said they are interested.' }) })
  .strict()
  .openapi('CandidateMatch')

export const openingMatchSchema = z
  .object({ opening: openingDocumentSchema, ...matchExplanationShape, shortlisted: z.boolean().openapi({ description: 'On the calling specialist’s shortlist for this candidate.' }) })
  .strict()
  .openapi('OpeningMatch')

const pagingShape = {
  total: z.number().int().min(0),
  page: z.number().int().min(1).openapi({ description: 'The page returned; a page past the last returns the last page.' }),
  pageCount: z.number().int().min(1),
}

export const candidatesForOpeningResponseSchema = z
  .object({
    opening: z.object({ id: z.string().uuid(), title: z.string() }).strict(),
    ...pagingShape,
    results: z.array(candidateMatchSchema),
  })
  .strict()
  .openapi('CandidatesForOpening')

export const openingsForCandidateResponseSchema = z
  .object({
    candidate: z.object({ id: z.string().uuid(), label: z.string() }).strict(),
    ...pagingShape,
    results: z.array(openingMatchSchema),
  })
  .strict()
  .openapi('OpeningsForCandidate')

export const errorSchema = z.object({ error: z.string().openapi({ description: 'What went wrong, in bokmål.' }) }).strict().openapi('Error')

/** The query of both match endpoints (validated by matchPageSchema in matching.server.ts; this is its description). */
const matchQuerySchema = z.object({
  side: z.string().optional().openapi({ description: `Page number, 1–1000 (${MATCHES_PER_PAGE} per page).`, example: '1' }),
  minScore: z.enum(['0', '50', '70']).optional().openapi({ description: 'Only matches with at least this score.' }),
})

// Compile-time guards: the schemas must describe exactly the types the matching engine produces.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesTypes: [
  Exactly<z.infer<typeof anonymisedCandidateSchema>, AnonymisedCandidate>,
  Exactly<z.infer<typeof openingDocumentSchema>, OpeningDocument>,
  Exactly<z.infer<typeof componentScoreSchema>, ComponentScore>,
] = [true, true, true]
void schemaMatchesTypes

// ---------------------------------------------------------------------------------------------
// Responses

const NO_STORE = { 'Cache-Control': 'no-store', Vary: 'Cookie' }

export function jsonError(status: number, message: string): Response {
  return json(errorSchema.parse({ error: message }), { status, headers: NO_STORE })
}

/** Sends `body` only after parsing it through `schema`: whatever the schema does not allow is never sent. */
export function apiJson<T extends z.ZodTypeAny>(schema: T, body: z.input<T>, init: { headers?: Record<string, string> } = {}): Response {
  return json(schema.parse(body), { status: 200, headers: { ...NO_STORE, ...init.headers } })
}

export const apiMessages = {
  unauthenticated: 'Du må være logget inn for å bruke API-et. Logg inn på /logg-inn; sesjonen sendes som informasjonskapsel.',
  terms: 'Du må godta vilkårene for å se kandidater. Gå til /arbeidsgiver/vilkar og godta dem først.',
  forbidden: 'Du har ikke tilgang til dette.',
  notFound: 'Finnes ikke, eller du har ikke tilgang.',
  badQuery: 'Ugyldig spørring: «side» må være et heltall fra 1 til 1000, og «minScore» må være 0, 50 eller 70.',
  notPublished: 'Stillingen er ikke publisert. Publiser den for å se kandidater som passer.',
  incomplete: 'Profilen mangler timer, oppstart eller norsknivå, så det kan ikke regnes treff ennå.',
  unavailable: 'Søket er ikke tilgjengelig akkurat nå. Prøv igjen om litt; ingen endringer går tapt.',
  databaseUnavailable: 'Databasen er ikke tilgjengelig akkurat nå. Prøv igjen om et minutt.',
} as const

/**
 * Runs an API handler with the page guards and turns what they throw into JSON: the log-in redirect becomes 401, the
 * redirect to the employer terms 403, and 403/404 keep their status with a JSON body (404 says nothing about whether
 * the id exists elsewhere). Anything else that is not a Response is a real error and is rethrown.
 */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (isDatabaseUnavailable(error)) return jsonError(503, apiMessages.databaseUnavailable)
    if (!(error instanceof Response)) throw error
    if (error.headers.get('Content-Type')?.includes('application/json')) return error
    if (error.status >= 300 && error.status < 400) {
      const location = error.headers.get('Location') ?? ''
      if (location.startsWith('/arbeidsgiver/vilkar')) return jsonError(403, apiMessages.terms)
      if (location.startsWith('/logg-inn')) return jsonError(401, apiMessages.unauthenticated)
      return jsonError(403, apiMessages.forbidden)
    }
    if (error.status === 404) return jsonError(404, apiMessages.notFound)
    if (error.status === 403) return jsonError(403, (await error.text()) || apiMessages.forbidden)
    if (error.status === 400) return jsonError(400, (await error.text()) || apiMessages.badQuery)
    return jsonError(error.status, (await error.text()) || 'Noe gikk galt.')
  }
}

/** The logged-in user; a missing or expired session is a 401 (thrown as the log-in redirect and converted by handleApi). */
export function requireApiUser(request: Request): Promise<User> {
  return requireUser(request)
}

/**
 * Staff see candidates for openings in their office's county (the same rule as /ansatt/stillinger/:id); any other
 * opening is 404 like an unknown id.
 */
export async function requireOpeningInStaffRegion(user: User, openingId: string | undefined) {
  assertCaseworker(user)
  const sql = getSql()
  const [opening, office] = await Promise.all([findOpeningRegion(sql, requireUuid(openingId)), findOffice(sql, user.officeId)])
  if (!opening || !office || opening.countyNumber !== office.countyNumber) throw notFound()
  return opening
}

export function candidateMatchBody(match: CandidateMatch): z.input<typeof candidateMatchSchema> {
  const { score, summary, components, whatWouldMakeItFit } = match.explanation
  return { candidate: match.candidate, score, summary, components, whatWouldMakeItFit, interested: match.interested }
}

export function openingMatchBody(match: OpeningMatch): z.input<typeof openingMatchSchema> {
  const { score, summary, components, whatWouldMakeItFit } = match.explanation
  return { opening: match.opening, score, summary, components, whatWouldMakeItFit, shortlisted: match.shortlisted }
}

// ---------------------------------------------------------------------------------------------
// OpenAPI

export const SESSION_SECURITY_SCHEME = 'sessionCookie'

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: errorSchema } } }
}

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry()
  registry.registerComponent('securitySchemes', SESSION_SECURITY_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: '__session',
    description: 'The portal session cookie, set by logging in at /logg-inn. API tokens for integrations will come later.',
  })
  // Schemas named with .openapi('Name') go under components.schemas by themselves when a path uses them.
  const common = {
    401: errorResponse('Not logged in, or the session has expired.'),
    404: errorResponse('Unknown id, or one the caller may not see (never distinguished).'),
    400: errorResponse('Invalid query: `side` must be 1–1000 and `minScore` 0, 50 or 70.'),
  }

  registry.registerPath({
    method: 'get',
    path: '/api/v1/openings/{openingId}/candidates',
    operationId: 'candidatesForOpening',
    summary: 'Ranked anonymised candidates for an opening',
    description:
      `Employers: openings of their own organisations, after accepting the terms. Job specialists and team leads: any opening in ` +
      `their office's county, limited to their own office's candidates. Best match first, ${MATCHES_PER_PAGE} per page, with the reasons for each score.`,
    security: [{ [SESSION_SECURITY_SCHEME]: [] }],
    request: { params: z.object({ openingId: z.string().uuid() }), query: matchQuerySchema },
    responses: {
      200: { description: 'A page of matches.', content: { 'application/json': { schema: candidatesForOpeningResponseSchema } } },
      ...common,
      403: errorResponse('Not an employer or caseworker, or the employer has not accepted the terms (see /arbeidsgiver/vilkar).'),
      409: errorResponse('The opening is not published.'),
      503: errorResponse('The search backend is unavailable; try again shortly.'),
    },
  })

  registry.registerPath({
    method: 'get',
    path: '/api/v1/candidates/{candidateId}/openings',
    operationId: 'openingsForCandidate',
    summary: 'Ranked published openings for a candidate',
    description: `Job specialists and team leads at the office that follows the candidate up. Best match first, ${MATCHES_PER_PAGE} per page.`,
    security: [{ [SESSION_SECURITY_SCHEME]: [] }],
    request: { params: z.object({ candidateId: z.string().uuid() }), query: matchQuerySchema },
    responses: {
      200: { description: 'A page of matches.', content: { 'application/json': { schema: openingsForCandidateResponseSchema } } },
      ...common,
      403: errorResponse('Not a job specialist or team lead placed at an office (employers are refused).'),
      409: errorResponse('The profile lacks hours, start date or Norwegian level, so no matches can be computed yet.'),
      503: errorResponse('The search backend is unavailable; try again shortly.'),
    },
  })

  registry.registerPath({
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'openApiDocument',
    summary: 'This OpenAPI description',
    security: [],
    responses: { 200: { description: 'The OpenAPI 3.0 document.', content: { 'application/json': { schema: z.object({}).passthrough() } } } },
  })
  return registry
}

let cachedDocument: ReturnType<OpenApiGeneratorV3['generateDocument']> | undefined

/** The OpenAPI 3.0 description of /api/v1/, generated from the schemas above (once per process). */
export function openApiDocument() {
  cachedDocument ??= new OpenApiGeneratorV3(buildRegistry().definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Jobbsnekker API',
      version: '1',
      description:
        'Job matching for work inclusion: ranked anonymised candidates for an opening and ranked openings for a candidate, ' +
        'with the reasons for each score. The same authorisation and anonymisation as the portal pages; responses never carry ' +
        'a candidate’s identity. Authentication is the portal session cookie for now. Error messages are in Norwegian (bokmål).',
    },
    servers: [{ url: '/' }],
  })
  return cachedDocument
}
