import type { HttpMethod, QueryValue, RequestParts } from './operation.js';

/** A request as built by the pipeline and handed to the auth step (which may sign or add headers). */
export interface HttpRequest {
  method: HttpMethod;
  baseUrl: string;
  /** Resolved path, e.g. '/orders/2026-01-01/orders/123'. */
  path: string;
  /** Ordered query parameters; signers may append. */
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: unknown;
  bodyType: 'json' | 'form' | 'raw';
}

export type ArrayFormat = 'comma' | 'repeat';

export function resolvePath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}

export function queryPairs(query: Record<string, QueryValue> = {}, arrayFormat: ArrayFormat = 'comma'): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      if (arrayFormat === 'comma') out.push([k, v.join(',')]);
      else for (const item of v) out.push([k, String(item)]);
    } else out.push([k, String(v)]);
  }
  return out;
}

/** RFC 3986 encoding (what most marketplaces sign and expect). */
export function encodeQuery(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function fullUrl(req: HttpRequest): string {
  const qs = encodeQuery(req.query);
  return `${req.baseUrl.replace(/\/$/, '')}${req.path}${qs ? `?${qs}` : ''}`;
}

export function buildRequest(
  method: HttpMethod,
  baseUrl: string,
  pathTemplate: string,
  parts: RequestParts,
  bodyType: 'json' | 'form' | 'raw',
  arrayFormat: ArrayFormat,
): HttpRequest {
  return {
    method,
    baseUrl,
    path: resolvePath(pathTemplate, parts.params),
    query: queryPairs(parts.query, arrayFormat),
    headers: { ...(parts.headers ?? {}) },
    body: parts.body,
    bodyType,
  };
}
