// Renders the authorisation matrix (tests/support/authorisation-table.ts) to docs/authorisation.md:
// `node --import tsx scripts/authorisation-doc.ts`. tests/integration/authorisation-matrix.test.ts fails when the
// committed document differs from the table.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderAuthorisationDoc } from '../tests/support/authorisation-table'

const target = fileURLToPath(new URL('../docs/authorisation.md', import.meta.url))
writeFileSync(target, renderAuthorisationDoc())
console.log(`Wrote ${target}`)
