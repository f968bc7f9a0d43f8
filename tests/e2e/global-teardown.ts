import { rm } from 'node:fs/promises'

/** Removes the mailbox folder playwright.config.ts made; one given from outside is left alone. */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env.E2E_MAIL_DIR
  if (dir && process.env.E2E_MAIL_DIR_IS_TEMPORARY === 'true') await rm(dir, { recursive: true, force: true })
}
