import akselStyles from '@navikt/ds-css/dist/index.min.css'
import { BodyShort, Box, HStack, InternalHeader, Link, Page, Spacer } from '@navikt/ds-react'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { AuthenticityTokenInput, AuthenticityTokenProvider } from 'remix-utils/csrf/react'
import { GeneralErrorBoundary } from './components/error-boundary'
import { unreadCount } from './modules/notifications.server'
import { roleLabels } from './components/labels'
import appStyles from './styles/app.css'
import { issueCsrfToken } from './utils/csrf.server'
import { getEnv } from './utils/env.server'
import { navigationFor, noticesItem } from './utils/navigation'
import { useNonce } from './utils/nonce-provider'
import { getSessionUser } from './utils/session.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: akselStyles },
  { rel: 'stylesheet', href: appStyles },
]

export const meta: MetaFunction = () => [{ title: 'Jobbsnekker' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, [csrfToken, csrfCookie]] = await Promise.all([getSessionUser(request), issueCsrfToken(request)])
  return json(
    {
      user: user ? { name: user.name, accountType: user.accountType, roles: user.roles, officeName: user.officeName } : null,
      unreadNotices: user ? await unreadCount(user.id) : 0,
      csrfToken,
      developmentMailbox: getEnv().DEVELOPMENT_MAILBOX,
    },
    { headers: csrfCookie ? { 'Set-Cookie': csrfCookie } : {} },
  )
}

export type RootLoaderData = ReturnType<typeof useRootData>
export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRootData()
  const user = data?.user ?? null
  const description =
    user?.accountType === 'employer' ? 'Arbeidsgiver' : user?.roles.map((role) => roleLabels[role] ?? role).join(', ')
  return (
    <>
      <a className="skip-link" href="#hovedinnhold">
        Hopp til hovedinnhold
      </a>
      <InternalHeader>
        <InternalHeader.Title href="/">Jobbsnekker</InternalHeader.Title>
        <Spacer />
        {user ? (
          <>
            <InternalHeader.User name={user.name} description={description} />
            <Form method="post" action="/logg-ut" className="logout-form">
              <AuthenticityTokenInput />
              <button type="submit" className="logout-button">
                Logg ut
              </button>
            </Form>
          </>
        ) : null}
      </InternalHeader>
      <nav aria-label="Hovedmeny" className="main-nav">
        <Page.Block width="xl" gutters>
          <HStack as="ul" gap="space-24" className="main-nav__list">
            {navigationFor(user).map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end ?? false}
                  className="main-nav__link"
                  aria-describedby={item.to === noticesItem.to && data?.unreadNotices ? 'unread-notices' : undefined}
                >
                  {item.label}
                </NavLink>
                {item.to === noticesItem.to && data?.unreadNotices ? (
                  <span className="unread-badge" id="unread-notices">
                    {data.unreadNotices}
                    <span className="sr-only"> uleste</span>
                  </span>
                ) : null}
              </li>
            ))}
          </HStack>
        </Page.Block>
      </nav>
      <Page.Block as="main" id="hovedinnhold" width="xl" gutters tabIndex={-1}>
        <Box paddingBlock="space-24 space-64">{children}</Box>
      </Page.Block>
      <footer className="site-footer">
        <Page.Block width="xl" gutters>
          <HStack gap="space-24">
            <BodyShort size="small">Jobbsnekker – jobbsnekring og matching for inkludering i arbeidslivet</BodyShort>
            {data?.developmentMailbox ? (
              <Link href="/utvikling/epost" className="footer-link">
                Utviklingspostkasse
              </Link>
            ) : null}
          </HStack>
        </Page.Block>
      </footer>
    </>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData()
  const nonce = useNonce()
  return (
    <html lang="nb">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AuthenticityTokenProvider token={data?.csrfToken ?? ''}>
          <Shell>{children}</Shell>
        </AuthenticityTokenProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
