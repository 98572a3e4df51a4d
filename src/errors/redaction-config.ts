import { ValidationError } from './classes.js';
import { setPiiCapacity } from './redact.js';

export interface RedactionOptions {
  /** How many distinct PII values stay registered (least recently registered go first); default 200,000. */
  piiCapacity?: number;
}

/** Tunes the PII registry. Secrets have no capacity: they are never evicted. */
export function configureRedaction(opts: RedactionOptions): void {
  if (typeof opts !== 'object' || opts === null) throw new ValidationError({ message: 'options must be an object', path: 'options' });
  if (opts.piiCapacity !== undefined) {
    if (!Number.isSafeInteger(opts.piiCapacity) || opts.piiCapacity < 1) {
      throw new ValidationError({ message: 'piiCapacity must be a positive integer', path: 'options.piiCapacity' });
    }
    setPiiCapacity(opts.piiCapacity);
  }
}
