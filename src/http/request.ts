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

/** Path templates split once into literal / parameter-name parts (odd indexes are names). */
const templates = new Map<string, string[]>();

export function resolvePath(template: string, params: Record<string, string | number> = {}): string {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (templates.size < 10_000) templates.set(template, parts);
  }
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]!];
    if (v === undefined) throw new Error(`missing path parameter ${parts[i]}`);
    out += encodeURIComponent(String(v)) + parts[i + 1];
  }
  return out;
}

export function queryPairs(query: Record<string, QueryValue> = {}, arrayFormat: ArrayFormat = 'comma'): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const k in query) {
    if (!Object.hasOwn(query, k)) continue;
    const v = query[k];
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

const SUB_DELIMS = /[!'()*]/;

function rfc3986(s: string): string {
  const e = encodeURIComponent(s);
  return SUB_DELIMS.test(e) ? e.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : e;
}

export function fullUrl(req: HttpRequest): string {
  const qs = encodeQuery(req.query);
  const base = req.baseUrl.endsWith('/') ? req.baseUrl.slice(0, -1) : req.baseUrl;
  return qs ? `${base}${req.path}?${qs}` : base + req.path;
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
