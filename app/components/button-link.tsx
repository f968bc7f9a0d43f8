import { Button, type ButtonProps } from '@navikt/ds-react'
import { Link as RemixLink } from '@remix-run/react'

/**
 * A link that looks like a button. Aksel gives any non-button element role="button"; a link that navigates must
 * stay a link for screen readers, so the role is taken off again.
 */
export function ButtonLink({ to, ...props }: Omit<ButtonProps, 'as' | 'role'> & { to: string }) {
  return <Button as={RemixLink} to={to} role={undefined} {...props} />
}
