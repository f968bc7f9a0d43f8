// patches/@remix-run+router+1.23.3.patch keeps ranked route branches per routes array and compiled patterns per
// path (ADR 017). The server matches with the CommonJS build, so that is the one loaded here; each path is matched
// on one shared routes array (the cached branches, in every order) and on a fresh copy (computed anew), and both
// must agree with the expected route.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] }
type Match = { route: Route; params: Record<string, string | undefined> }
const require = createRequire(import.meta.url)
const { matchRoutes, matchPath } = require('@remix-run/router') as {
  matchRoutes: (routes: Route[], location: string) => Match[] | null
  matchPath: (pattern: { path: string; caseSensitive?: boolean; end?: boolean }, pathname: string) => { params: Record<string, string> } | null
}

function portalLikeRoutes(): Route[] {
  return [
    {
      id: 'root',
      path: '',
      children: [
        { id: 'index', index: true },
        { id: 'login', path: 'logg-inn' },
        {
          id: 'staff',
          path: 'ansatt',
          children: [
            { id: 'staff-home', index: true },
            { id: 'caseload', path: 'kandidater' },
            { id: 'new-candidate', path: 'kandidater/ny' },
            { id: 'candidate', path: 'kandidater/:candidateId' },
            { id: 'candidate-openings', path: 'kandidater/:candidateId/stillinger' },
            { id: 'export', path: 'kandidater/:candidateId/eksport.json' },
          ],
        },
        { id: 'employer-task', path: 'arbeidsgiver/arbeidssteder/:workplaceId/oppgaver/:taskId' },
        { id: 'optional', path: 'marked/:view?' },
        { id: 'exact-case', path: 'Vilkar', caseSensitive: true },
        { id: 'splat', path: '*' },
      ],
    },
  ]
}

const expectations: [path: string, leaf: string, params: Record<string, string | undefined>][] = [
  ['/', 'index', {}],
  ['/logg-inn', 'login', {}],
  ['/LOGG-INN/', 'login', {}],
  ['/ansatt', 'staff-home', {}],
  ['/ansatt/kandidater', 'caseload', {}],
  ['/ansatt/kandidater/ny', 'new-candidate', {}],
  ['/ansatt/kandidater/abc', 'candidate', { candidateId: 'abc' }],
  ['/ansatt/kandidater/abc/stillinger', 'candidate-openings', { candidateId: 'abc' }],
  ['/ansatt/kandidater/abc/eksport.json', 'export', { candidateId: 'abc' }],
  ['/ansatt/kandidater/abc/eksportXjson', 'splat', { '*': 'ansatt/kandidater/abc/eksportXjson' }],
  ['/arbeidsgiver/arbeidssteder/w1/oppgaver/t2', 'employer-task', { workplaceId: 'w1', taskId: 't2' }],
  ['/marked', 'optional', { view: undefined }],
  ['/marked/tavle', 'optional', { view: 'tavle' }],
  ['/Vilkar', 'exact-case', {}],
  ['/vilkar', 'splat', { '*': 'vilkar' }],
  ['/finnes/ikke', 'splat', { '*': 'finnes/ikke' }],
]

function leafOf(matches: Match[] | null): { leaf: string | undefined; params: Record<string, string | undefined> } {
  const last = matches?.at(-1)
  return { leaf: last?.route.id, params: { ...last?.params } }
}

describe('route matching with cached branches and patterns', () => {
  const shared = portalLikeRoutes()

  it('is the patched CommonJS build that Node loads', () => {
    const file = require.resolve('@remix-run/router')
    expect(file).toMatch(/router\.cjs\.js$/)
    expect(readFileSync(file, 'utf8')).toContain('rankedBranchesCache')
  })

  it.each(expectations)('%s → %s', (path, leaf, params) => {
    const cached = leafOf(matchRoutes(shared, path))
    const fresh = leafOf(matchRoutes(portalLikeRoutes(), path))
    expect(cached).toEqual({ leaf, params })
    expect(fresh).toEqual(cached)
  })

  it('gives the same answers in any order on the same routes array', () => {
    const reversed = [...expectations].reverse()
    for (const [path, leaf, params] of [...reversed, ...expectations, ...reversed]) {
      expect(leafOf(matchRoutes(shared, path))).toEqual({ leaf, params })
    }
  })

  it('keeps patterns that differ only in case sensitivity or end apart', () => {
    expect(matchPath({ path: '/Vilkar', caseSensitive: true }, '/vilkar')).toBeNull()
    expect(matchPath({ path: '/Vilkar', caseSensitive: false }, '/vilkar')).not.toBeNull()
    expect(matchPath({ path: '/ansatt', end: true }, '/ansatt/kandidater')).toBeNull()
    expect(matchPath({ path: '/ansatt', end: false }, '/ansatt/kandidater')).not.toBeNull()
    expect(matchPath({ path: '/ansatt/:id' }, '/ansatt/42')?.params).toEqual({ id: '42' })
    expect(matchPath({ path: '/ansatt/:id' }, '/ansatt/43')?.params).toEqual({ id: '43' })
  })
})
