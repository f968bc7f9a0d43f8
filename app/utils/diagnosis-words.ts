/**
 * Words that suggest a diagnosis, a health condition or a treatment. The free-text guard
 * (`text-guard.ts`) warns when a candidate's anonymised profile contains one of them: the
 * profile should describe needs and resources, not diagnoses. A warning does not block
 * saving, so a rare false alarm costs little, but a word that is common in ordinary work
 * descriptions must not be here.
 *
 * How to maintain the lists
 * -------------------------
 * Each entry is one word or a short phrase, written as a pattern:
 *
 *   'autisme'      the whole word only (not "autismen", not "autismespekter")
 *   'autis*'       a word that starts with it: autisme, autismen, autist, autistisk
 *   '*kreft*'      a word that contains it: kreft, brystkreft, kreftbehandling
 *   '*innlagt'     a word that ends with it: innlagt, tvangsinnlagt
 *   'cerebral parese'  a phrase: the words may be separated by spaces or a hyphen
 *
 * - Write the entry in lower case to match any case ("adhd" matches ADHD, Adhd, adhd).
 *   Write it in CAPITALS to match only capitals: 'MS' and 'ME' are diagnoses, but
 *   "Me and my" and "ms." are not. Use capitals for every abbreviation that is also an
 *   ordinary word in lower case (LAR: "han lar oss", ADD: "add").
 * - A word is a run of letters and digits; a hyphen ends a word, so 'adhd' catches
 *   "ADHD-diagnose" (and '*diagnos*' catches the second half of it).
 * - Prefer 'stem*' to '*stem*'. Use '*stem*' only when no ordinary word contains the
 *   stem (check a Norwegian word list, e.g. Debian's `wnorwegian`:
 *   `iconv -f latin1 -t utf8 /usr/share/dict/bokmaal | grep -i stem`). When a few ordinary words do contain it,
 *   add them to NOT_DIAGNOSIS instead of giving up the entry.
 * - Do not list generic words whose compounds are mostly non-medical. "behandling" is
 *   listed as a whole word only: "saksbehandling", "kundebehandling", "varebehandling"
 *   and "behandlingstid" are ordinary work words. Medical compounds such as
 *   "kreftbehandling" are caught by their first part, the others are listed one by one.
 * - Add a row to `tests/unit/text-guard.test.ts` for every word you add, and one for any
 *   ordinary word you had to protect.
 *
 * Deliberately not listed: "angstfri", "psykisk helse", "forstyrrelse" (a quiet workplace
 * "uten forstyrrelser" is a need), "allergi", "sykdom", "syk", "sykefravær", "rusfri"
 * (also a workplace policy), "slag" (also "alle slag"), "deprimerende" (an ordinary
 * adjective), "demente" and "rusomsorg" (usually the people or the field the candidate
 * worked with), "downs" ("ups and downs"), "behandler" (also the verb "handles"),
 * "funksjonsnedsettelse" (describes needs, which is what the profile is for).
 *
 * Known false alarms, accepted because they are warnings only: "rehabilitering" of
 * buildings, "innlagt" water or power, "latteranfall", "legemiddellager", and the studies
 * or workplaces "psykiatri", "terapi" and "kreftavdeling".
 */

/** Diagnoses and health conditions. */
export const DIAGNOSIS_TERMS: readonly string[] = [
  // Neurodevelopmental
  'adhd',
  'ADD',
  'autis*', // autisme, autismespekter, autismespekterforstyrrelse, autist, autistisk
  'asperger*',
  'tourette*',
  '*dysleksi*',
  'dyslekti*', // dyslektiker, dyslektisk
  'dyskalkuli*',
  '*utviklingshem*', // utviklingshemming, utviklingshemmet, utviklingshemning
  '*utviklingsforstyrr*',

  // Mental health
  '*schizofren*',
  '*skizofren*',
  '*psykose*',
  'psykotisk*',
  'bipolar*',
  '*depresjon*', // depresjon, depresjonen, fødselsdepresjon
  'depressiv*',
  'deprimert',
  'deprimerte',
  'angst',
  'angsten',
  'angstanfall*',
  'angstdemp*',
  'angstproblem*',
  'panikkangst*',
  'panikkanfall*',
  '*lidelse*', // angstlidelse, panikklidelse, tvangslidelse, psykisk lidelse
  'ptsd',
  'posttraumatisk*',
  'traum*', // traume, traumer, traumatisert
  'ocd',
  'tvangstank*',
  'tvangshandling*',
  '*personlighetsforstyrr*',
  'borderline*',
  '*spiseforstyrr*',
  '*atferdsforstyrr*',
  '*adferdsforstyrr*',
  '*tilknytningsforstyrr*',
  'anoreksi*',
  'anorekti*',
  'bulimi*',
  'selvskad*',
  'selvmord*',
  'suicid*',
  'utbrent*', // utbrent, utbrenthet
  'psykisk syk*', // psykisk syk, psykisk sykdom
  'psykisk ustabil',
  'fobi*', // fobi, fobier; not '*fobi*': "homofobi" is not a diagnosis
  'sosial fobi',
  'klaustrofobi*',

  // Substance use
  '*rusavhengig*',
  // Not '*misbruk*': "maktmisbruk", "datamisbruk" and "tillitsmisbruk" are not about health.
  'misbruk*', // misbruk, misbruker, misbruket
  '*rusmisbruk*',
  '*rusmiddelmisbruk*',
  '*alkoholmisbruk*',
  '*stoffmisbruk*',
  '*narkotikamisbruk*',
  '*blandingsmisbruk*',
  '*pillemisbruk*',
  '*tablettmisbruk*',
  '*hasjmisbruk*',
  'rusproblem*',
  'rusbehandling*',
  'alkoholis*', // alkoholisme, alkoholisert
  'alkoholiker*',
  '*alkoholavhengig*',
  'alkoholproblem*',
  'narkoman*',
  '*narkotikaavhengig*',
  '*pilleavhengig*',
  '*spilleavhengig*',
  'LAR', // legemiddelassistert rehabilitering; "lar" is an ordinary verb
  'metadon*',
  'subutex*',
  'buprenorfin*',

  // Physical and neurological
  'epilep*', // epilepsi, epileptiker, epileptisk
  '*anfall*', // epileptisk anfall, angstanfall
  'diabet*',
  'insulin*',
  'MS', // multippel sklerose; see NOT_DIAGNOSIS for "MS Office"
  'multippel sklerose',
  '*sklerose*',
  'ME', // myalgisk encefalopati; "Me" and "me" are not
  'cfs',
  'fibromyalgi*',
  '*kreft*', // kreft, brystkreft, kreftsyk; see NOT_DIAGNOSIS for "krefter" and "bekrefte"
  'cellegift*',
  'cytostatika',
  '*hjerneslag*',
  'slagrammet',
  '*hjerneskade*',
  '*hjerneblødning*',
  '*hjerteinfarkt*',
  'cerebral parese',
  '*parese*',
  'CP',
  'downs syndrom', // not "downs" alone: "ups and downs"
  'down syndrom',
  '*syndrom*', // Downs syndrom, Tourettes syndrom, utmattelsessyndrom
  '*demens*', // not "demente": "har jobbet med demente" is work experience
  'hiv',
  'hepatitt*',
  '*gikt*', // slitasjegikt, leddgikt
  'revmat*', // revmatisme, revmatisk, revmatolog
  'prolaps*',
  'whiplash*',
  'astma*',
  'kols',
  'migrene*',
  'parkinson*',
  'alzheimer*',
  'tinnitus',
]

/** Treatment, health services, medication and health-related benefits. */
export const TREATMENT_TERMS: readonly string[] = [
  '*diagnos*', // diagnose, diagnosen, diagnostisert, feildiagnose
  // Whole words only: "saksbehandling", "kundebehandling" and "behandlingstid" are work words.
  'behandling',
  'behandlingen',
  'behandlinger',
  'behandlingene',
  'under behandling',
  'behandlingsopplegg*',
  'behandlingsinstitusjon*',
  '*strålebehandling*',
  'substitusjonsbehandling*',
  '*terapi*', // terapi, fysioterapi, samtaleterapi, ergoterapi
  '*terapeut*',
  '*psykolog*', // psykolog, psykologen, psykologtime; see NOT_DIAGNOSIS for "psykologi"
  '*psykiat*', // psykiater, psykiatri, psykiatrisk, barnepsykiater
  'DPS',
  'BUP',
  'poliklini*',
  '*innlagt', // innlagt, tvangsinnlagt
  '*innleggelse*',
  '*sykemeld*', // sykemeldt, sykemelding, langtidssykemeldt
  '*sykmeld*',
  'sykepenger',
  'ufør*', // ufør, uføretrygd, uføretrygdet, uførhet
  'AAP',
  'arbeidsavklaringspenger',
  '*medisin*', // medisiner, medisinering, sovemedisin; see NOT_DIAGNOSIS for "medisinsk"
  '*medikament*',
  '*legemid*', // legemiddel, legemidler
  'antidepressiv*',
  'antipsykoti*',
  'lykkepille*',
  'sovepille*',
  'rehabilit*', // rehabilitering, rehabiliteringsopphold (also used about buildings)
  'legeerklæring*',
  'ECT',
]

/**
 * Ordinary words and phrases that contain a listed word. A hit is ignored when one of
 * these is written where the listed word starts, covering its first letter: 'krefter'
 * protects "krefter" and "arbeidskrefter", 'bekreft' protects "bekreftelse", 'ms office'
 * protects "MS Office" and "MS-Office". Any case; a hyphen counts as a space. The
 * entry must start within the same hit (so 'bekreft' cannot protect "brystkreft").
 */
export const NOT_DIAGNOSIS: readonly string[] = [
  // '*kreft*': "krefter" and "kreftene" are forces or strength, as in "arbeidskrefter";
  // "bekrefte" and "avkrefte" mean confirm and deny.
  'krefter',
  'kreftene',
  'bekreft',
  'avkreft',
  // '*terapi*': "etteraping" (imitation) contains it.
  'etterap',
  // '*psykolog*': the subject and the workplace term "psykologisk trygghet".
  'psykologi',
  // '*medisin*': "medisinsk sekretær", "medisinsk utstyr" are jobs and goods.
  'medisinsk',
  // '*diagnos*': fault finding on cars and machines.
  'diagnostikk',
  'diagnoseverktøy',
  // 'MS': Microsoft products.
  'ms office',
  'ms word',
  'ms excel',
  'ms teams',
  'ms outlook',
  'ms powerpoint',
  'ms access',
  'ms project',
  'ms windows',
  'ms dynamics',
  'ms sql',
  'ms paint',
  'ms 365',
]
