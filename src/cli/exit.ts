/**
 * Exit codes that mean something to scripts: 0 everything succeeded, 1 the command ran but some
 * items failed (or the marketplace refused), 2 the command could not start (usage, config).
 */
import { isXborderError } from '../errors/xborder-error.js';
import { describeNetworkFailure } from './network.js';

export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;

/** A usage or configuration problem: exit 2 with the message, no stack. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_USAGE) {
    super(message);
    this.name = 'CliError';
  }
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  json: boolean;
  /** Progress bars only on an interactive stderr (and never with --json). */
  interactive: boolean;
}

/** Reports an error the way the chosen output format expects and returns its exit code. */
export function reportError(io: Io, e: unknown): number {
  const code = e instanceof CliError ? e.exitCode : isXborderError(e) && e.code === 'VALIDATION' ? EXIT_USAGE : EXIT_PARTIAL;
  const network = isXborderError(e) && (e.code === 'NETWORK' || e.code === 'TIMEOUT');
  const message = network ? describeNetworkFailure(e) : e instanceof Error ? e.message : String(e);
  if (io.json) io.out(JSON.stringify({ ok: false, error: isXborderError(e) ? e.toJSON() : { message } }));
  else io.err(`xborder: ${message}`);
  return code;
}
