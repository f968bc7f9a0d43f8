import type { ContactKind, PipelineStage } from '../../prisma-free-sql/queries/employer-relationships'

export const stageLabels: Record<PipelineStage, string> = {
  new: 'Ny',
  assessing: 'Vurderes',
  to_contact: 'Skal kontaktes',
  mapping: 'Kartlegging',
  assisting: 'Bistand',
  done: 'Ferdig',
  not_relevant: 'Ikke aktuell',
}

export const stageDescriptions: Record<PipelineStage, string> = {
  new: 'Ikke vurdert ennå.',
  assessing: 'Vi vurderer om virksomheten er aktuell.',
  to_contact: 'Noen skal ta kontakt.',
  mapping: 'Vi kartlegger oppgaver og behov sammen med arbeidsgiveren.',
  assisting: 'Vi bistår med stillinger, kandidater eller utprøvinger.',
  done: 'Samarbeidet er i gang uten behov for tett oppfølging.',
  not_relevant: 'Ikke aktuell nå, med begrunnelse.',
}

export const contactKindLabels: Record<ContactKind, string> = {
  visit: 'Besøk',
  phone: 'Telefon',
  email: 'E-post',
  meeting: 'Møte',
  cup_acquaint: 'Første kopp te: bli kjent',
  cup_map_needs: 'Andre kopp te: kartlegge behov',
  cup_present: 'Tredje kopp te: presentere kandidater',
  matching_meeting: 'Matchemøte',
}

export const trafficLightVariants = { green: 'success', yellow: 'warning', red: 'error' } as const
