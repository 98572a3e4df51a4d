import { redactText, redactValue } from './redact.js';

/** Brand shared by every xborder error, across ESM/CJS bundles and subpath chunks. */
export const XBORDER_ERROR_BRAND = Symbol.for('xborder.error');

/** The stable code of every XborderError (switch on it rather than on the class or the message). */
export type ErrorCode =
  | 'VALIDATION'
  | 'AUTH_FAILED'
  | 'AUTH_EXPIRED'
  | 'REAUTHORIZE'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'QUOTA_EXHAUSTED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'MARKETPLACE_REJECTED'
  | 'MARKETPLACE_UNAVAILABLE'
  | 'RESPONSE_SHAPE'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'OUTCOME_UNKNOWN'
  | 'NOT_SUPPORTED';

/** The marketplace an error came from (the four adapters, or a connector's own name). */
export type Marketplace = 'amazon' | 'ebay' | 'aliexpress' | 'shopee' | (string & {});

/** One entry of a marketplace's own error list (SP-API/eBay `errors[]`, Shopee `error`...). */
export interface MarketplaceErrorEntry {
  code: string;
  message: string;
  details?: string;
  field?: string;
}

/** Constructor fields shared by every XborderError subclass. */
export interface XborderErrorInit {
  message: string;
  code?: ErrorCode;
  marketplace?: Marketplace;
  operation?: string;
  status?: number;
  requestId?: string;
  retryable?: boolean;
  cause?: unknown;
  /** Every entry of the marketplace's error list, whatever the class. */
  errors?: MarketplaceErrorEntry[];
}

/** Root of every error xborder throws. `toJSON()` is safe to log: redacted, no raw bodies, no headers. */
export class XborderError extends Error {
  readonly [XBORDER_ERROR_BRAND] = true;
  code: ErrorCode;
  marketplace?: Marketplace;
  operation?: string;
  status?: number;
  requestId?: string;
  retryable: boolean;
  /** The marketplace's own error entries (redacted), when it sent any. */
  errors: MarketplaceErrorEntry[];

  constructor(init: XborderErrorInit) {
    super(redactText(init.message), init.cause === undefined ? undefined : { cause: sanitizeCause(init.cause) });
    this.name = new.target.name;
    this.code = init.code ?? 'MARKETPLACE_REJECTED';
    this.marketplace = init.marketplace;
    this.operation = init.operation;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.errors = (init.errors ?? []).map((e) => ({
      ...e,
      message: redactText(e.message),
      ...(e.details ? { details: redactText(e.details) } : {}),
    }));
  }

  /** Extra, class-specific fields for toJSON (already safe). */
  protected details(): Record<string, unknown> {
    return {};
  }

  /** A plain, redacted object safe to log or serialize (no secrets, buyer data, raw bodies or headers). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.marketplace) out.marketplace = this.marketplace;
    if (this.operation) out.operation = this.operation;
    if (this.status !== undefined) out.status = this.status;
    if (this.requestId) out.requestId = this.requestId;
    if (this.errors.length) out.errors = this.errors;
    Object.assign(out, redactValue(this.details()));
    if (this.cause !== undefined) out.cause = describeCause(this.cause);
    return out;
  }
}

/** Works across bundles where `instanceof` may not (two copies of the class). */
export function isXborderError(value: unknown): value is XborderError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[XBORDER_ERROR_BRAND] === true;
}

/** Raw transport errors carry request headers (tokens); keep only a safe summary. */
function sanitizeCause(cause: unknown): unknown {
  if (isXborderError(cause)) return cause;
  if (cause instanceof Error) {
    const safe = new Error(redactText(cause.message));
    safe.name = cause.name;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') (safe as Error & { code?: string }).code = code;
    return safe;
  }
  if (typeof cause === 'string') return redactText(cause);
  return undefined;
}

function describeCause(cause: unknown): unknown {
  if (isXborderError(cause)) return cause.toJSON();
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: redactText(cause.message), ...(typeof code === 'string' ? { code } : {}) };
  }
  return undefined;
}
