export type NavigationUser = {
  accountType: 'employer' | 'staff'
  roles: readonly string[]
}

/** `end`: highlighted only on that exact page, for an item whose subpages have items of their own. */
export type NavigationItem = { to: string; label: string; end?: boolean }

/** Everyone who is logged in has an inbox; the menu shows its unread count beside this item. */
export const noticesItem: NavigationItem = { to: '/varsler', label: 'Varsler' }

/** The menu each kind of user sees; pages check access themselves, this only guides. */
export function navigationFor(user: NavigationUser | null): NavigationItem[] {
  if (!user) {
    return [
      { to: '/logg-inn', label: 'Logg inn' },
      { to: '/registrer', label: 'Registrer virksomhet' },
    ]
  }
  if (user.accountType === 'employer') {
    return [
      { to: '/arbeidsgiver', label: 'Oversikt', end: true },
      { to: '/arbeidsgiver/saker', label: 'Saker' },
      { to: '/arbeidsgiver/medlemmer', label: 'Medlemmer' },
      noticesItem,
    ]
  }
  const items: NavigationItem[] = []
  if (user.roles.includes('specialist') || user.roles.includes('team_lead')) items.push({ to: '/ansatt/kandidater', label: 'Kandidater' })
  if (user.roles.includes('specialist') || user.roles.includes('team_lead')) items.push({ to: '/ansatt/stillinger', label: 'Stillinger' })
  if (user.roles.includes('specialist') || user.roles.includes('team_lead')) items.push({ to: '/ansatt/saker', label: 'Saker' })
  // `end`: the candidate pages live under /ansatt and have their own item.
  if (user.roles.includes('specialist')) items.push({ to: '/ansatt', label: 'Mitt kontor', end: true })
  // Every staff member logs employer contacts; the board and the dashboard are the market team's and team leads' tools.
  const coordinates = user.roles.includes('market_contact') || user.roles.includes('team_lead') || user.roles.includes('admin')
  if (user.roles.length > 0) items.push({ to: '/marked', label: 'Arbeidsgivere', end: true })
  if (coordinates) items.push({ to: '/marked/tavle', label: 'Oppfølgingstavle' })
  if (user.roles.length > 0) items.push({ to: '/marked/matchemoter', label: 'Matchemøter' })
  if (coordinates) items.push({ to: '/marked/oversikt', label: 'Regionoversikt' })
  if (user.roles.includes('team_lead')) items.push({ to: '/team', label: 'Mitt team' })
  if (user.roles.includes('admin')) {
    items.push(
      { to: '/admin/kontorer', label: 'Kontorer og team' },
      { to: '/admin/ansatte', label: 'Ansatte' },
      { to: '/admin/logg', label: 'Revisjonslogg' },
      { to: '/admin/sokeindeks', label: 'Søkeindeks' },
      { to: '/admin/epost', label: 'E-post' },
    )
  }
  items.push(noticesItem)
  return items
}
