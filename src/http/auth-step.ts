import type { HttpRequest } from './request.js';

/**
 * Plugs token providers and request signers into the pipeline. `authorize` runs on every attempt
 * (signatures carry timestamps, so a retry is re-signed).
 */
export interface AuthStep {
  authorize(req: HttpRequest, ctx: { operation: string; signal?: AbortSignal }): Promise<void>;
  /** Called once per call when the marketplace says the access token expired; then the call replays. */
  refresh?(ctx: { operation: string; signal?: AbortSignal; rejectedToken?: string }): Promise<void>;
}
