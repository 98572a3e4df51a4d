import { randomUUID } from 'node:crypto';
import { OutcomeUnknownError } from '../errors/classes.js';
import { isXborderError, type XborderError } from '../errors/xborder-error.js';
import type { Clock } from '../http/clock.js';
import type { IntentJournal } from '../state/intent-journal.js';

/** How a journaled write ended: sent and confirmed now, found already done (journal or read-back), or not provable. */
export type Outcome = 'confirmed' | 'already_done' | 'unknown';

/** Whether a write already happened, read back from the marketplace. */
export type ReadBack<T> = { done: true; result: T } | { done: false };

/** What {@link journaledAction} needs: where the intent is journaled, and how to read back, send and stamp the write. */
export interface JournaledActionSpec<T, S = unknown> {
  marketplace: string;
  account: string;
  /** e.g. 'return.approve', 'return.refund', 'order.refund', 'cancellation.accept'. */
  action: string;
  /** The return / order / cancellation the write acts on. */
  target: string;
  journal: IntentJournal;
  clock: Clock;
  /** The caller's idempotency key; a fresh one (no deduplication) when absent. */
  idempotencyKey?: string;
  /**
   * State recorded with the pending intent before the write (e.g. the refund ids the order already
   * has), handed to `readBack` so a retry can tell an earlier attempt's refund from older ones.
   */
  before?(): Promise<S>;
  /** Reads the target back: did this write already take effect? */
  readBack(before: S | undefined): Promise<ReadBack<T>>;
  /** The write itself (its own idempotency key is `key`). */
  send(key: string): Promise<T>;
  /** The result to return when the outcome could not be proven. */
  unknown(): T;
  /** Stamps the outcome on a result. */
  withOutcome(result: T, outcome: Outcome): T;
}

/**
 * The write flow of returns, refunds and cancellation answers, journaled like shipments
 * (src/fulfilment/journaled-ship.ts): the intent is recorded under the caller's idempotency key
 * before the call. A retry with the same key returns the journaled result; when an earlier
 * attempt is still `pending` or `unknown` (a crash between the request and the journal write, or
 * an unclear answer) the target is read back first and the write is only sent again when it
 * provably did not happen — a refund is never sent twice.
 */
export async function journaledAction<T, S = unknown>(spec: JournaledActionSpec<T, S>): Promise<T> {
  const key = spec.idempotencyKey ?? randomUUID();
  const jkey = journalKey(spec, key);
  const prior = await spec.journal.get(jkey);
  if (prior?.state === 'succeeded') return spec.withOutcome(prior.result as T, 'already_done');
  let before = (prior?.result as { before?: S } | undefined)?.before;
  if (prior && prior.state !== 'failed') {
    const back = await spec.readBack(before);
    if (back.done) {
      await spec.journal.put({ key: jkey, operation: spec.action, state: 'succeeded', at: spec.clock.now(), result: back.result });
      return spec.withOutcome(back.result, 'already_done');
    }
  } else {
    before = spec.before ? await spec.before() : undefined;
  }
  await spec.journal.put({ key: jkey, operation: spec.action, state: 'pending', at: spec.clock.now(), result: { before } });
  let result: T;
  try {
    result = await spec.send(key);
  } catch (e) {
    if (!(e instanceof OutcomeUnknownError)) {
      // Only a definite refusal (4xx, bad input) frees the key for a plain retry; anything else
      // (a crash, an unexpected error) leaves the intent pending, so a retry reads back first.
      if (refused(e)) await spec.journal.put({ key: jkey, operation: spec.action, state: 'failed', at: spec.clock.now(), error: { code: (e as XborderError).code, message: 'write refused' } });
      throw e;
    }
    const back = await spec.readBack(before).catch(() => ({ done: false }) as const);
    if (!back.done) {
      await spec.journal.put({ key: jkey, operation: spec.action, state: 'unknown', at: spec.clock.now(), result: { before } });
      return spec.withOutcome(spec.unknown(), 'unknown');
    }
    result = back.result;
  }
  await spec.journal.put({ key: jkey, operation: spec.action, state: 'succeeded', at: spec.clock.now(), result });
  return spec.withOutcome(result, 'confirmed');
}

type KeyParts = Pick<JournaledActionSpec<unknown>, 'marketplace' | 'account' | 'action' | 'target'>;
const journalKey = (s: KeyParts, key: string) => `${s.marketplace}:${s.account}:${s.action}:${s.target}:${key}`;

/**
 * Whether this idempotency key already has a write under way or done: a retry then resumes it
 * (read back, journaled result) instead of being judged afresh — e.g. a refund retried after a
 * crash is not refused because the refund it retries already counts against the cap.
 */
export async function hasOpenIntent(journal: IntentJournal, parts: KeyParts, idempotencyKey: string | undefined): Promise<boolean> {
  if (!idempotencyKey) return false;
  const prior = await journal.get(journalKey(parts, idempotencyKey));
  return prior !== undefined && prior.state !== 'failed';
}

function refused(e: unknown): boolean {
  return isXborderError(e) && (e.code === 'VALIDATION' || (e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429));
}
