import { registerSecret } from '../../errors/redact.js';
import type { AuthStep } from '../../http/auth-step.js';
import { raceAbort, systemClock, type Clock } from '../../http/clock.js';
import type { HttpRequest } from '../../http/request.js';
import { SingleFlight } from '../../http/single-flight.js';

export interface IssuedToken {
  accessToken: string;
  /** Lifetime in seconds as the token endpoint reported it. */
  expiresInSec: number;
}

export interface ClientCredentialsOptions {
  /** Calls the carrier's token endpoint (through the connector's pipeline: same errors and hooks). */
  fetchToken(): Promise<IssuedToken>;
  clock?: Clock;
  /** Refresh this long before expiry (default 60 s). */
  skewMs?: number;
}

/**
 * OAuth 2.0 client-credentials bearer tokens (FedEx, UPS): cached until shortly before expiry;
 * concurrent callers share one in-flight token request (single flight); a 401 on a rating call
 * makes the pipeline call `refresh` once and replay.
 */
export class ClientCredentialsAuth implements AuthStep {
  private token?: { value: string; expiresAt: number; obtainedAt: number };
  private readonly flight = new SingleFlight<string>();
  private readonly clock: Clock;

  constructor(private readonly opts: ClientCredentialsOptions) {
    this.clock = opts.clock ?? systemClock;
  }

  async authorize(req: HttpRequest, ctx: { signal?: AbortSignal }): Promise<void> {
    req.headers.authorization = `Bearer ${await this.accessToken(ctx.signal)}`;
  }

  async refresh(ctx: { signal?: AbortSignal }): Promise<void> {
    // Many calls rejected at once: the first one clears the token, the rest reuse the new one.
    if (this.token && this.clock.now() - this.token.obtainedAt < 5_000) return;
    this.token = undefined;
    await this.accessToken(ctx.signal);
  }

  /** The cached token, or one shared request for a new one. */
  accessToken(signal?: AbortSignal): Promise<string> {
    const t = this.token;
    if (t && this.clock.now() < t.expiresAt - (this.opts.skewMs ?? 60_000)) return Promise.resolve(t.value);
    // Shared work: no single caller's signal may cancel the request the others wait on.
    return raceAbort(this.flight.run('token', () => this.fetch()), signal);
  }

  private async fetch(): Promise<string> {
    const issued = await this.opts.fetchToken();
    registerSecret(issued.accessToken);
    const now = this.clock.now();
    this.token = { value: issued.accessToken, expiresAt: now + issued.expiresInSec * 1000, obtainedAt: now };
    return issued.accessToken;
  }
}


/** expires_in arrives as a number (FedEx) or a numeric string (UPS). */
export function expiresInSeconds(value: unknown, fallback = 3600): number {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
