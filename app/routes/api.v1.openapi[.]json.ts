import { json } from '@remix-run/node'
import { openApiDocument } from '~/modules/api.server'

/** GET /api/v1/openapi.json — the OpenAPI description of the JSON API, generated from its zod schemas. Public. */
export function loader() {
  return json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=3600' } })
}
