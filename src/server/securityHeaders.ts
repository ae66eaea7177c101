/**
 * Headers every response carries, routed or raw (clientErrorReply): answers hold people's data,
 * so no cache keeps them, and a browser must not sniff a JSON body into something it runs.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};
