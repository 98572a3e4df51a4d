import { isXborderError, type ErrorCode } from '../errors/xborder-error.js';
import { redactText } from '../errors/redact.js';

/** A per-item error as data (reports, journals, JSON output): safe to log, never a thrown aggregate. */
export interface ErrorInfo {
  code: ErrorCode | 'INTERNAL';
  message: string;
  retryable?: boolean;
  marketplace?: string;
  operation?: string;
  status?: number;
  requestId?: string;
  /** Marketplace error code (MarketplaceError) or the failing field (ValidationError). */
  detail?: string;
}

export function toErrorInfo(e: unknown): ErrorInfo {
  if (isXborderError(e)) {
    const j = e.toJSON() as Record<string, unknown>;
    const detail = (j.marketplaceCode ?? j.path) as string | undefined;
    return {
      code: e.code,
      message: e.message,
      retryable: e.retryable,
      ...(e.marketplace ? { marketplace: e.marketplace } : {}),
      ...(e.operation ? { operation: e.operation } : {}),
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.requestId ? { requestId: e.requestId } : {}),
      ...(detail ? { detail } : {}),
    };
  }
  // Not ours (a bug, or a handler's own error): keep the message, redacted, never the object.
  return { code: 'INTERNAL', message: redactText(e instanceof Error ? e.message : String(e)) };
}
