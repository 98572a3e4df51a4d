/**
 * Half-sandbox configs (issue 18.4): a config that points one of an adapter's hosts at a local or
 * test server but leaves the other on its real default would send credentials or calls to the real
 * marketplace. Adapter factories and the CLI's store loader refuse such a config at construction.
 */

/** An API base URL override and the token (auth) URL override that must travel with it. */
export interface EndpointPairing {
  /** The `endpoint` value given, if any. */
  endpoint?: string;
  /** The `tokenEndpoint` value given, if any. */
  tokenEndpoint?: string;
  /** Where token calls go when `tokenEndpoint` is not set: the real host, or the `endpoint`. */
  tokenDefault: { realHost: string } | 'follows-endpoint';
  /** Host API calls go to when `endpoint` is not set (the real marketplace). */
  realApiHost: string;
  /** What the token call is, for the message (e.g. "the LWA token call"). */
  tokenCall: string;
  /** Hint for the missing field, e.g. the sandbox's token path. */
  hint?: string;
}

/** The field to set and why, or undefined when both hosts go to the same place. */
export function halfSandbox(p: EndpointPairing): { field: 'endpoint' | 'tokenEndpoint'; message: string } | undefined {
  if (p.endpoint !== undefined && p.tokenEndpoint === undefined && p.tokenDefault !== 'follows-endpoint') {
    return {
      field: 'tokenEndpoint',
      message: `"endpoint" is ${hostOf(p.endpoint)} but "tokenEndpoint" is not set, so ${p.tokenCall} would go to the real ${p.tokenDefault.realHost}; set "tokenEndpoint" too${p.hint ? ` (${p.hint})` : ''}`,
    };
  }
  if (p.tokenEndpoint !== undefined && p.endpoint === undefined) {
    return {
      field: 'endpoint',
      message: `"tokenEndpoint" is ${hostOf(p.tokenEndpoint)} but "endpoint" is not set, so API calls would go to the real ${p.realApiHost}; set "endpoint" too`,
    };
  }
  return undefined;
}

/** host[:port] of a URL for messages (never its path or query, which may carry secrets). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return JSON.stringify(url.slice(0, 80));
  }
}
