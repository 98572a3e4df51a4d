import type { HttpRequest } from './request.js';

/**
 * Plugs token providers and request signers into the pipeline. `authorize` runs on every attempt
 * (signatures carry timestamps, so a retry is re-signed).
 */
export interface AuthStep {
  authorize(req: HttpRequest, ctx: { operation: string; signal?: AbortSignal }): Promise<void>;
  /**
   * Called once per call when the marketplace says the access token expired; then the call
   * replays. `rejected` is the request that was refused (read the token it carried from it), so
   * twenty calls refused with the same old token cause one refresh, not twenty.
   */
  refresh?(ctx: { operation: string; signal?: AbortSignal; rejected?: HttpRequest }): Promise<void>;
}
