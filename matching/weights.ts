/**
 * Every weight and threshold the matching uses, in one place, each with its reason. Read by matching/scoring.ts.
 * References such as "002 L1731" point into the research seeds, as in ../shared/DOMAIN.md.
 *
 * There is deliberately no weight for anything about a person's history (gaps in the CV, health, substance use,
 * convictions): matching never filters or scores on history, only on what the work demands and what the person
 * wants (DOMAIN.md §4 "No exclusion", 004 L404, L1028). The inputs do not even carry such facts.
 */

/** The soft components of a match. */
export type ComponentCode =
  | 'taskFit'
  | 'demands'
  | 'accommodation'
  | 'schedule'
  | 'language'
  | 'occupation'
  | 'experience'
  | 'textRelevance'
  | 'hours'

/**
 * Relative weights of the soft components (they sum to 100 for readability; components that do not apply are left
 * out and the rest renormalised, so only the ratios matter).
 */
export const COMPONENT_WEIGHTS: Readonly<Record<ComponentCode, number>> = {
  // Matching task by task is the product's core: carved jobs are made of real, separable tasks (DOMAIN §6, 002 L966).
  taskFit: 25,
  // Work the person cannot do safely fails the placement, and a failed placement costs the next one (000 L964–966).
  demands: 20,
  // Needs against what the workplace offers, on shared codes as in NAV's inclusion tags (DOMAIN §3.3, §6).
  accommodation: 15,
  // What the person wants counts (DOMAIN §4): wished occupations are the second-best signal after tasks.
  occupation: 8,
  // Times and days decide whether a part-time carved job is workable at all, but are often negotiable.
  schedule: 8,
  // Language demands are real for some tasks (phone, reception) and irrelevant for many others (002 L968–972).
  language: 8,
  // Hours coverage matters less than the hard overlap already required; many start low and increase gradually.
  hours: 6,
  // Informal competence counts (DOMAIN §3.4), but its absence must not weigh much: resources, not deficits.
  experience: 5,
  // The index's text score is a coarse signal that mostly repeats what tasks and occupations already say.
  textRelevance: 5,
}

/** Task fit: a task the candidate wants counts fully. */
export const WANTED_TASK_CREDIT = 1
/** Task fit: a task the candidate can do but did not ask for counts partly (motivation matters, 002 L1700). */
export const POSSIBLE_TASK_CREDIT = 0.6
/** Task fit: an employer's own task whose STYRK-08 is among the candidate's occupations (wants or can do). */
export const OWN_TASK_OCCUPATION_CREDIT = 0.8

/** Occupation: a task in exactly one of the candidate's STYRK-08 occupations. */
export const OCCUPATION_EXACT_CREDIT = 1
/** Occupation: same STYRK-08 sub-major group (first two digits), e.g. 93 "hjelpearbeidere": closely related work. */
export const OCCUPATION_SUB_MAJOR_CREDIT = 0.6
/** Occupation: same STYRK-08 major group (first digit) only: related, but a weak signal. */
export const OCCUPATION_MAJOR_CREDIT = 0.3
/** Occupation, opening without tasks: a title that names none of the candidate's occupations is weak evidence either way. */
export const OCCUPATION_TITLE_MISS_VALUE = 0.5

/** Demands: share of the component given to the tasks (task by task, by hours); the rest is the workplace environment. */
export const DEMAND_TASK_SHARE = 0.8

/** Language: share given to the tasks' Norwegian demands; the rest is everyday talk in the workplace's languages. */
export const LANGUAGE_TASK_SHARE = 0.75
/** Language: a candidate with no spoken Norwegian where Norwegian and another language are used can lean on the other. */
export const LANGUAGE_OTHER_LANGUAGE_VALUE = 0.5

/** Text relevance at or above this (0..1) is reported as a good text match. */
export const TEXT_RELEVANCE_GOOD = 0.5

/** Points taken off the 0–100 score when the workplace already has as many in practice as it can take (DOMAIN §4). */
export const CAPACITY_PENALTY_POINTS = 15

/** Words too general to tell tasks apart when looking for experience ("enkel", "oppgaver"). */
export const GENERAL_WORDS: ReadonlySet<string> = new Set([
  'enkel',
  'enkle',
  'andre',
  'annen',
  'annet',
  'eller',
  'samt',
  'etter',
  'under',
  'arbeid',
  'oppgave',
  'oppgaver',
  'praktisk',
  'praktiske',
  'hjelp',
  'generelt',
  'diverse',
  'medarbeider',
])
/** Shortest word used when comparing task names, titles and experience (shorter words are mostly fillers). */
export const MIN_WORD_LENGTH = 4
/** Words are compared by a prefix stem of this many letters at most, so "rydding" meets "ryddet" and "lageret" meets "lager". */
export const MAX_STEM_LENGTH = 6
/** Letters cut off the end of a word before stemming (Norwegian inflection endings such as "-ing", "-ene"). */
export const STEM_SUFFIX_CUT = 3

/** At most this many reasons in the summary (the brief shows 2–4). */
export const SUMMARY_MAX = 4
/** At most this many negative reasons in the summary, so it leads with what fits (resources first, DOMAIN §4). */
export const SUMMARY_MAX_NEGATIVE = 2
