import { createCookie } from '@remix-run/node'
import { CSRF, CSRFError } from 'remix-utils/csrf/server'
import { getEnv } from './env.server'

let csrf: CSRF | undefined

function getCsrf(): CSRF {
  if (!csrf) {
    const env = getEnv()
    csrf = new CSRF({
      cookie: createCookie('__csrf', {
        httpOnly: true,
        sameSite: 'lax',
        secure: env.NODE_ENV === 'production',
        path: '/',
        secrets: [env.SESSION_SECRET ?? ''],
      }),
      formDataKey: 'csrf',
      secret: env.SESSION_SECRET,
    })
  }
  return csrf
}

/** The token for this visitor and, when it is new, the cookie to set. */
export function issueCsrfToken(request: Request) {
  return getCsrf().commitToken(request)
}

/** Every mutating form posts the token; anything else is refused with 403. */
export async function requireValidCsrf(formData: FormData, request: Request): Promise<void> {
  try {
    await getCsrf().validate(formData, request.headers)
  } catch (error) {
    if (error instanceof CSRFError) {
      throw new Response('Skjemaet kunne ikke sendes fordi sikkerhetsnøkkelen mangler eller er utløpt. Last siden på nytt og prøv igjen.', {
        status: 403,
        statusText: 'Forbidden',
      })
    }
    throw error
  }
}
