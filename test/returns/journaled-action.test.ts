import { describe, expect, it } from 'vitest';
import { MarketplaceError, OutcomeUnknownError } from '../../src/errors/classes.js';
import { MemoryIntentJournal } from '../../src/state/intent-journal.js';
import { journaledAction, type JournaledActionSpec } from '../../src/returns/journaled-action.js';

interface R { id: string; outcome?: string }

/** A marketplace with one refundable return: `refunds` counts the refunds it recorded. */
function world() {
  const state = { refunds: 0, sent: 0, crashAfterSend: false, unclear: false };
  const journal = new MemoryIntentJournal();
  const spec = (key: string): JournaledActionSpec<R, number> => ({
    marketplace: 'test', account: 'A', action: 'return.refund', target: 'R1', journal, clock: { now: () => 0, sleep: async () => {} }, idempotencyKey: key,
    before: async () => state.refunds,
    readBack: async (before) => (state.refunds > (before ?? 0) ? { done: true, result: { id: 'REF' } } : { done: false }),
    send: async () => {
      state.sent++;
      state.refunds++;
      if (state.crashAfterSend) throw new Error('process died before the journal write');
      if (state.unclear) throw new OutcomeUnknownError({ marketplace: 'test', message: 'timeout' });
      return { id: 'REF' };
    },
    unknown: () => ({ id: 'R1' }),
    withOutcome: (r, outcome) => ({ ...r, outcome }),
  });
  return { state, journal, spec };
}

describe('journaledAction', () => {
  it('a retry with the same key after success returns the journaled result without sending', async () => {
    const { state, spec } = world();
    expect(await journaledAction(spec('k1'))).toEqual({ id: 'REF', outcome: 'confirmed' });
    expect(await journaledAction(spec('k1'))).toEqual({ id: 'REF', outcome: 'already_done' });
    expect(state.sent).toBe(1);
  });

  it('a crash between the request and the journal write: the retry reads back and does not refund twice', async () => {
    const { state, spec, journal } = world();
    state.crashAfterSend = true;
    await expect(journaledAction(spec('k2'))).rejects.toThrow('process died');
    expect((await journal.get('test:A:return.refund:R1:k2'))?.state).toBe('pending');
    state.crashAfterSend = false;
    expect(await journaledAction(spec('k2'))).toEqual({ id: 'REF', outcome: 'already_done' });
    expect(state.sent).toBe(1);
    expect(state.refunds).toBe(1);
  });

  it('an unclear answer is read back: done → confirmed; not provable → unknown, and the retry re-checks', async () => {
    const { state, spec } = world();
    state.unclear = true;
    expect(await journaledAction(spec('k3'))).toEqual({ id: 'REF', outcome: 'confirmed' });
    expect(state.sent).toBe(1);
    const w = world();
    w.state.unclear = true;
    const s = { ...w.spec('k4'), readBack: async () => ({ done: false }) as const };
    expect(await journaledAction(s)).toEqual({ id: 'R1', outcome: 'unknown' });
  });

  it('a refused write is journaled failed and may be tried again', async () => {
    const { state, spec } = world();
    const refusing = { ...spec('k5'), send: async () => { throw new MarketplaceError({ marketplace: 'test', status: 400, message: 'no' }); } };
    await expect(journaledAction(refusing)).rejects.toBeInstanceOf(MarketplaceError);
    expect(await journaledAction(spec('k5'))).toEqual({ id: 'REF', outcome: 'confirmed' });
    expect(state.sent).toBe(1);
  });
});
