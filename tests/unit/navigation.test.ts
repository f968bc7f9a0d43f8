import { describe, expect, it } from 'vitest'
import { navigationFor, type NavigationUser } from '~/utils/navigation'

const staff = (...roles: string[]): NavigationUser => ({ accountType: 'staff', roles })
// The market coordination pages, for market contacts, team leads and admins.
const market = ['/marked', '/marked/tavle', '/marked/matchemoter', '/marked/oversikt']

describe('navigationFor', () => {
  it.each<[string, NavigationUser | null, string[]]>([
    ['an anonymous visitor', null, ['/logg-inn', '/registrer']],
    ['an employer', { accountType: 'employer', roles: [] }, ['/arbeidsgiver', '/arbeidsgiver/saker', '/arbeidsgiver/medlemmer', '/varsler']],
    ['a specialist', staff('specialist'), ['/ansatt/kandidater', '/ansatt/stillinger', '/ansatt/saker', '/ansatt', '/marked', '/marked/matchemoter', '/varsler']],
    ['a market contact', staff('market_contact'), ['/marked', '/marked/tavle', '/marked/matchemoter', '/marked/oversikt', '/varsler']],
    ['a team lead who is also a specialist', staff('team_lead', 'specialist'), ['/ansatt/kandidater', '/ansatt/stillinger', '/ansatt/saker', '/ansatt', ...market, '/team', '/varsler']],
    ['a team lead only', staff('team_lead'), ['/ansatt/kandidater', '/ansatt/stillinger', '/ansatt/saker', ...market, '/team', '/varsler']],
    ['an admin', staff('admin'), [...market, '/admin/kontorer', '/admin/ansatte', '/admin/logg', '/admin/sokeindeks', '/admin/epost', '/varsler']],
    [
      'a staff member with every role',
      staff('admin', 'team_lead', 'market_contact', 'specialist'),
      ['/ansatt/kandidater', '/ansatt/stillinger', '/ansatt/saker', '/ansatt', ...market, '/team', '/admin/kontorer', '/admin/ansatte', '/admin/logg', '/admin/sokeindeks', '/admin/epost', '/varsler'],
    ],
    ['a staff member without roles', staff(), ['/varsler']],
  ])('gives %s the right menu', (_who, user, paths) => {
    expect(navigationFor(user).map((item) => item.to)).toEqual(paths)
  })

  it('never shows staff pages to an employer, even with stray roles', () => {
    const paths = navigationFor({ accountType: 'employer', roles: ['admin'] }).map((item) => item.to)
    expect(paths).toEqual(['/arbeidsgiver', '/arbeidsgiver/saker', '/arbeidsgiver/medlemmer', '/varsler'])
  })

  it('highlights "Mitt kontor" only on /ansatt itself, since the candidate pages below it have their own item', () => {
    const items = navigationFor(staff('specialist'))
    expect(items.find((item) => item.to === '/ansatt')?.end).toBe(true)
    expect(items.find((item) => item.to === '/ansatt/kandidater')?.end).toBeFalsy()
  })

  it('labels every item in Norwegian', () => {
    const labels = navigationFor(staff('admin', 'team_lead', 'market_contact', 'specialist')).map((item) => item.label)
    expect(labels).toEqual(['Kandidater', 'Stillinger', 'Saker', 'Mitt kontor', 'Arbeidsgivere', 'Oppfølgingstavle', 'Matchemøter', 'Regionoversikt', 'Mitt team', 'Kontorer og team', 'Ansatte', 'Revisjonslogg', 'Søkeindeks', 'E-post', 'Varsler'])
    expect(navigationFor(null).map((item) => item.label)).toEqual(['Logg inn', 'Registrer virksomhet'])
  })
})
