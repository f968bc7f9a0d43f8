import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Mirrors the `~/*` path in tsconfig.json, which Vite does not read.
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    pool: 'forks',
    // A 2-core machine: one file per core. Integration files each hold a PGlite instance (or a
    // server database) plus argon2 hashing, so more workers only add contention.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Starting PGlite and migrating takes several seconds, more when both workers do it at once.
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
})
