import type { AuthStep } from '../../http/auth-step.js';
import { Pipeline, type WireResponse } from '../../http/pipeline.js';
import type { XborderError } from '../../errors/xborder-error.js';
import type { LiveConnectorOptions } from './common.js';

export interface CarrierPipelineConfig {
  carrier: string;
  account: string;
  baseUrl: string;
  auth?: AuthStep;
  mapError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined;
  requestIdOf?(res: WireResponse): string | undefined;
}

/** Default carrier retry budget: rating is a read, but a quote has seconds, not minutes. */
const CARRIER_RETRY = { retries: 2, baseDelayMs: 300, maxDelayMs: 2_000 };

/** The shared HTTP pipeline (retries with Retry-After, typed errors, redacted hooks) for one carrier account. */
export function carrierPipeline(cfg: CarrierPipelineConfig, opts: LiveConnectorOptions): Pipeline {
  return new Pipeline({
    marketplace: cfg.carrier,
    account: cfg.account,
    baseUrl: cfg.baseUrl,
    auth: cfg.auth,
    mapError: cfg.mapError,
    requestIdOf: cfg.requestIdOf,
    hooks: opts.hooks,
    transport: opts.transport,
    clock: opts.clock,
    timeoutMs: opts.timeoutMs ?? 15_000,
    retry: { ...CARRIER_RETRY, ...opts.retry },
  });
}

/**
 * The pipeline of an OAuth carrier (FedEx, UPS): its token step fetches through this same
 * pipeline (retries, typed errors), so the auth is built with a late-bound reference to it.
 */
export function oauthCarrierPipeline(
  cfg: Omit<CarrierPipelineConfig, 'auth'> & { auth(pipeline: () => Pipeline): AuthStep },
  opts: LiveConnectorOptions,
): Pipeline {
  let pipeline: Pipeline | undefined;
  const auth = cfg.auth(() => pipeline!);
  pipeline = carrierPipeline({ ...cfg, auth }, opts);
  return pipeline;
}

/** `endpoint` wins; otherwise the carrier's test or production host. */
export function carrierHost(cfg: { endpoint?: string; test?: boolean }, hosts: { production: string; test: string }): string {
  return cfg.endpoint ?? (cfg.test ? hosts.test : hosts.production);
}
