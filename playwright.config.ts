import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

// Debian's Chromium, because `playwright install` cannot download browsers here.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

// E2E_BASE_URL points the suite at a portal someone else started (the benchmark does);
// otherwise Playwright starts scripts/e2e-server.ts with a fresh database.
const externalBaseUrl = process.env.E2E_BASE_URL
const port = Number(process.env.E2E_PORT ?? 3190)
const baseURL = externalBaseUrl ?? `http://localhost:${port}`

// The config is evaluated again in every worker; workers inherit the runner's environment,
// so the mailbox is created once and tests and server agree on it.
if (!process.env.E2E_MAIL_DIR) {
  process.env.E2E_MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), 'jobbsnekker-e2e-mail-'))
  process.env.E2E_MAIL_DIR_IS_TEMPORARY = 'true'
}

export default defineConfig({
  testDir: './tests/e2e',
  globalTeardown: './tests/e2e/global-teardown.ts',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Two workers keep a two-core CI machine responsive; password hashing is CPU bound.
  workers: Number(process.env.E2E_WORKERS ?? Math.max(1, Math.min(4, os.cpus().length))),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'nb-NO',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: 'node --import tsx scripts/e2e-server.ts',
        url: `${baseURL}/healthz`,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
        env: {
          ...(process.env as Record<string, string>),
          PORT: String(port),
          E2E_MAIL_DIR: process.env.E2E_MAIL_DIR,
        },
      },
})
