// The demo accounts, apart from the rest of the demo data so the browser tests can import them
// without loading the reference data (Playwright's loader does not read JSON modules).

/** Every demo account shares this password; the README lists the accounts. */
export const DEMO_PASSWORD = 'Jobbsnekker-demo-2026'

export const demoLogins = {
  employer: 'arbeidsgiver@jobbsnekker.example',
  specialist: 'jobbspesialist@jobbsnekker.example',
  marketContact: 'markedskontakt@jobbsnekker.example',
  teamLead: 'leder@jobbsnekker.example',
  admin: 'admin@jobbsnekker.example',
} as const
