/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// The package's own types.d.ts declares only its root; the stylesheet import resolves to a URL.
declare module '@navikt/ds-css/dist/index.min.css' {
  const href: string
  export default href
}
