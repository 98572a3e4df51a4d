/**
 * Network failures said the way an operator can act on them: which host could not be reached,
 * for which operation, and the system's reason (DNS, refused, timeout).
 */
import type { XborderError } from '../errors/xborder-error.js';

const REASONS: Record<string, string> = {
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed (offline?)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  ECONNABORTED: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** "amazon searchOrders: cannot reach 127.0.0.1:4567 (connection refused)". */
export function describeNetworkFailure(e: XborderError, hint: { operation?: string; url?: string } = {}): string {
  const cause = e.cause as { code?: string; message?: string } | undefined;
  const code = cause?.code ?? /\((E[A-Z_]+)\)/.exec(e.message)?.[1];
  const host = hostIn(cause?.message) ?? (hint.url ? new URL(hint.url).host : undefined);
  const operation = hint.operation ?? [e.marketplace, e.operation].filter(Boolean).join(' ') ?? 'request';
  const reason = code ? REASONS[code] ?? code : e.message;
  return `${operation || 'request'}: cannot reach ${host ?? 'the server'} (${reason})`;
}

/** Node's socket errors name the peer: "connect ECONNREFUSED 127.0.0.1:4567", "getaddrinfo ENOTFOUND api.example.com". */
function hostIn(message: string | undefined): string | undefined {
  const m = /\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\s+(\S+)/.exec(message ?? '');
  return m?.[1];
}
