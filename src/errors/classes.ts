import { XborderError, type MarketplaceErrorEntry, type XborderErrorInit } from './xborder-error.js';

export type { MarketplaceErrorEntry } from './xborder-error.js';

/** One problem zod found in the caller's input: the field path and what is wrong. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Bad caller input, detected before any I/O. `path` names the first offending field. */
export class ValidationError extends XborderError {
  path: string;
  issues: ValidationIssue[];
  constructor(init: Omit<XborderErrorInit, 'code'> & { path: string; issues?: ValidationIssue[] }) {
    super({ ...init, code: 'VALIDATION', retryable: false });
    this.path = init.path;
    this.issues = init.issues ?? [{ path: init.path, message: init.message }];
  }
  protected override details() {
    return { path: this.path, issues: this.issues };
  }
}

/** The codes an AuthError carries: refused credentials, an expired token, a revoked grant, a missing permission. */
export type AuthErrorCode = 'AUTH_FAILED' | 'AUTH_EXPIRED' | 'REAUTHORIZE' | 'FORBIDDEN';

/** Credentials rejected. `mustReauthorize` says the seller has to grant access again. */
export class AuthError extends XborderError {
  mustReauthorize: boolean;
  constructor(init: Omit<XborderErrorInit, 'code'> & { code?: AuthErrorCode; mustReauthorize?: boolean }) {
    super({ ...init, code: init.code ?? 'AUTH_FAILED' });
    this.mustReauthorize = init.mustReauthorize ?? init.code === 'REAUTHORIZE';
  }
  protected override details() {
    return { mustReauthorize: this.mustReauthorize };
  }
}

/** Throttled. Retryable; `retryAfterMs` is the server's hint when it gave one. */
export class RateLimitError extends XborderError {
  retryAfterMs?: number;
  bucket?: string;
  constructor(init: Omit<XborderErrorInit, 'code'> & { retryAfterMs?: number; bucket?: string }) {
    super({ ...init, code: 'RATE_LIMITED', retryable: init.retryable ?? true });
    this.retryAfterMs = init.retryAfterMs;
    this.bucket = init.bucket;
  }
  protected override details() {
    return { retryAfterMs: this.retryAfterMs, bucket: this.bucket };
  }
}

/** A daily/periodic quota is used up: thrown at once instead of sleeping until it resets. */
export class QuotaExhaustedError extends XborderError {
  resetsAt?: Date;
  constructor(init: Omit<XborderErrorInit, 'code'> & { resetsAt?: Date }) {
    super({ ...init, code: 'QUOTA_EXHAUSTED', retryable: false });
    this.resetsAt = init.resetsAt;
  }
  protected override details() {
    return { resetsAt: this.resetsAt?.toISOString() };
  }
}

export class NotFoundError extends XborderError {
  constructor(init: Omit<XborderErrorInit, 'code'>) {
    super({ ...init, code: 'NOT_FOUND', retryable: false });
  }
}

export class ConflictError extends XborderError {
  constructor(init: Omit<XborderErrorInit, 'code'>) {
    super({ ...init, code: 'CONFLICT', retryable: init.retryable ?? false });
  }
}

/** The marketplace refused the call (4xx) or failed (5xx, retryable). Keeps every error entry. */
export class MarketplaceError extends XborderError {
  marketplaceCode?: string;
  constructor(init: Omit<XborderErrorInit, 'code'> & { code?: 'MARKETPLACE_REJECTED' | 'MARKETPLACE_UNAVAILABLE'; errors?: MarketplaceErrorEntry[] }) {
    super({ ...init, code: init.code ?? 'MARKETPLACE_REJECTED' });
    this.marketplaceCode = this.errors[0]?.code;
  }
  protected override details() {
    return { marketplaceCode: this.marketplaceCode };
  }
}

/** A response that does not match its wire schema at all (structure broken, not one record). */
export class ResponseShapeError extends XborderError {
  issues: ValidationIssue[];
  constructor(init: Omit<XborderErrorInit, 'code'> & { issues: ValidationIssue[] }) {
    super({ ...init, code: 'RESPONSE_SHAPE', retryable: false });
    this.issues = init.issues;
  }
  protected override details() {
    return { issues: this.issues };
  }
}

export class NetworkError extends XborderError {
  constructor(init: Omit<XborderErrorInit, 'code'> & { code?: 'NETWORK' | 'TIMEOUT' }) {
    super({ ...init, code: init.code ?? 'NETWORK', retryable: init.retryable ?? true });
  }
}

export class TimeoutError extends NetworkError {
  constructor(init: Omit<XborderErrorInit, 'code'>) {
    super({ ...init, code: 'TIMEOUT' });
  }
}

/** The caller's AbortSignal fired. Never retried. */
export class AbortedError extends XborderError {
  constructor(init: Omit<XborderErrorInit, 'code' | 'message'> & { message?: string }) {
    super({ ...init, message: init.message ?? 'The operation was aborted', code: 'ABORTED', retryable: false });
  }
}

/** A write whose result could not be proven either way (e.g. reset mid-request, verify inconclusive). */
export class OutcomeUnknownError extends XborderError {
  idempotencyKey?: string;
  constructor(init: Omit<XborderErrorInit, 'code'> & { idempotencyKey?: string }) {
    super({ ...init, code: 'OUTCOME_UNKNOWN', retryable: false });
    this.idempotencyKey = init.idempotencyKey;
  }
  protected override details() {
    return { idempotencyKey: this.idempotencyKey };
  }
}

/** The marketplace (or this adapter) does not offer the requested capability. */
export class NotSupportedError extends XborderError {
  constructor(init: Omit<XborderErrorInit, 'code'>) {
    super({ ...init, code: 'NOT_SUPPORTED', retryable: false });
  }
}
