/** An employer's page in the market register; used by pages, notices and the dashboard alike. */
export const organisationPath = (organisationId: string) => `/marked/virksomheter/${organisationId}`
