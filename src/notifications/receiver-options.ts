import { ValidationError } from '../errors/classes.js';
import type { WebhookReceiverOptions } from './receiver.js';

/** A year: a longer replay window keeps every event id that long (and 1e21 breaks the arithmetic). */
const MAX_WINDOW_MS = 366 * 86_400_000;

const fail = (path: string, message: string): never => {
  throw new ValidationError({ message: `${path} ${message}`, path });
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isVerifier = (v: unknown) => isObject(v) && typeof v.matches === 'function' && typeof v.verify === 'function';

/** Hostile options fail here, at creation, with the field's path; never later, at a request. */
export function checkReceiverOptions(opts: unknown): asserts opts is WebhookReceiverOptions {
  if (!isObject(opts) || Array.isArray(opts)) fail('options', 'must be an options object');
  const o = opts as Record<string, unknown>;
  if (typeof o.onEvent !== 'function') fail('onEvent', 'must be a function (event) => Promise<void>');
  for (const k of ['ebay', 'shopee'] as const) {
    if (o[k] !== undefined && !isVerifier(o[k])) fail(k, 'must be a webhook verifier (matches(req), verify(req))');
  }
  if (o.verifiers !== undefined) {
    if (!Array.isArray(o.verifiers)) fail('verifiers', 'must be an array of webhook verifiers');
    (o.verifiers as unknown[]).forEach((v, i) => isVerifier(v) || fail(`verifiers[${i}]`, 'must be a webhook verifier (matches(req), verify(req))'));
  }
  const ms = o.replayWindowMs;
  if (ms !== undefined && (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_WINDOW_MS)) fail('replayWindowMs', 'must be a number of milliseconds from 0 to one year');
  const max = o.maxBodyBytes;
  if (max !== undefined && (typeof max !== 'number' || !Number.isSafeInteger(max) || max < 1)) fail('maxBodyBytes', 'must be a whole number of bytes ≥ 1');
  if (o.publicUrl !== undefined) checkPublicUrl(o.publicUrl);
  if (o.clock !== undefined && !(isObject(o.clock) && typeof o.clock.now === 'function')) fail('clock', 'must have now()');
}

function checkPublicUrl(v: unknown): void {
  if (typeof v !== 'string') fail('publicUrl', 'must be a string such as https://erp.example.com');
  let protocol = '';
  try {
    protocol = new URL(v as string).protocol;
  } catch {
    fail('publicUrl', 'is not a valid URL');
  }
  if (protocol !== 'https:' && protocol !== 'http:') fail('publicUrl', 'must be an http(s) URL');
}
