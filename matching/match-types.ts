/**
 * What the matching engine knows about an opening and a candidate. Built by search-index/ from the
 * database (the anonymised candidate only: no identity ever reaches these types) and scored by
 * matching/scoring.ts. Demand levels and tolerances are indexes 0..2 into vocabulary.json's scales.
 */

export type MatchTask = {
  name: string
  /** The task catalogue code, or null for the employer's own task. */
  catalogueCode: string | null
  styrk08: string | null
  hoursPerWeek: number
  /** Dimension code -> level 0..2 the task demands; absent dimensions are not demanded. */
  demands: Record<string, number>
  /** Requirement codes, e.g. "forkliftLicence", "policeCertificate". */
  requirements: string[]
}

export type OpeningForMatching = {
  id: string
  title: string
  openingType: string
  municipalityNumber: string
  countyNumber: string
  hoursMin: number
  hoursMax: number
  timesOfDay: string[]
  days: string[]
  /** ISO date. */
  startDate: string
  /** The carved job's tasks; empty for an opening written from scratch. */
  tasks: MatchTask[]
  /** Every requirement of the opening (its tasks' requirements). */
  requirements: string[]
  /** Accommodation codes the workplace can offer (the same codes as candidates' needs). */
  accommodations: string[]
  mentorAvailable: boolean
  measures: string[]
  /** Languages used at the workplace, lower-case Norwegian names ("norsk", "engelsk"). */
  languages: string[]
  /** The workplace's environment on the shared scales (0..2). */
  environment: { noise: number; tempo: number; teamwork: number }
  places: number
  /** Trainees and people on trial at the workplace now, against what it can take; strained workplaces rank lower. */
  workplaceLoad: { active: number; capacity: number }
}

export type CandidateForMatching = {
  id: string
  wantedTasks: string[]
  possibleTasks: string[]
  /** STYRK-08 codes the candidate wants or can do. */
  occupations: string[]
  /** Free-text experience (work and informal); matched against task names. */
  experienceText: string
  certificates: string[]
  canObtainPoliceCertificate: boolean | null
  hoursMin: number
  hoursMax: number
  gradualIncrease: boolean
  timesOfDay: string[]
  days: string[]
  /** Where the candidate can work, exactly as chosen (never shown to employers when it would single someone out). */
  area: { municipalities: string[]; counties: string[] }
  /** Employers in which counties may see the candidate: all, or the listed ones. */
  consent: { scope: 'all' | 'counties'; counties: string[] }
  /** ISO date. */
  earliestStart: string
  /** Every shared demand dimension -> the highest level (0..2) the candidate can work with. */
  tolerances: Record<string, number>
  accommodationNeeds: string[]
  oralNorwegian: number
  writtenNorwegian: number
  measures: string[]
}
