/** The arithmetic of src/inventory/increase-gate.ts: what a store can be showing, and what waits. */
import { describe, expect, it } from 'vitest';
import { IncreaseGate } from '../../../src/inventory/increase-gate.js';

const T = 1_000_000;

describe('IncreaseGate', () => {
  it("the ceiling is the confirmed figure minus the store's own sales placed from a second before the push was sent", () => {
    const g = new IncreaseGate();
    expect(g.ceiling('k', undefined)).toBeUndefined(); // never pushed: nothing known
    expect(g.ceiling('k', 5)).toBe(5); // pushed before this engine started: no sales known
    g.pushed('k', T);
    g.sold('k', T - 5_000, 1); // placed well before the push: the push overwrote it
    g.sold('k', T - 500, 1); // within the timestamp margin: counted
    g.sold('k', T + 10_000, 2);
    expect(g.ceiling('k', 5)).toBe(2);
    g.sold('k', T + 20_000, 9);
    expect(g.ceiling('k', 5)).toBe(0); // never negative
    g.pushed('k', T + 30_000); // a new confirmed push starts afresh
    expect(g.ceiling('k', 4)).toBe(4);
  });

  it('a figure reported after the confirmation lowers the ceiling; sales it already counts are not subtracted twice', () => {
    const g = new IncreaseGate();
    g.pushed('k', T);
    g.observed('k', 1, T + 500, T + 1_000); // reported before the confirmation: ignored
    expect(g.ceiling('k', 5)).toBe(5);
    g.sold('k', T + 5_000, 2);
    g.observed('k', 3, T + 5_000, T + 1_000);
    expect(g.ceiling('k', 5)).toBe(3);
    g.sold('k', T + 8_000, 1);
    expect(g.ceiling('k', 5)).toBe(2);
  });

  it('a read counts as unimported what the store shows below the ceiling, leaving out sales placed in or after the read\'s second', () => {
    const g = new IncreaseGate();
    expect(g.unimported('k', undefined, 3, T)).toBe(0); // never pushed: nothing to compare with
    g.pushed('k', T);
    g.sold('k', T + 5_000, 1); // imported; the store shows it too
    // Shows 2 after a push of 5: 3 sold, 1 of them imported, 2 not.
    expect(g.unimported('k', 5, 2, T + 20_000)).toBe(2);
    // A sale imported but placed in the read's own second may not be in the figure read: not counted
    // (taking it off again can only lower what goes out; the verify pass heals that).
    g.sold('k', T + 20_000, 1);
    expect(g.unimported('k', 5, 2, T + 20_400)).toBe(2);
    expect(g.unimported('k', 5, 1, T + 21_000)).toBe(2);
    // Shows more than expected (a restock by the marketplace, a hand edit): nothing to take off.
    expect(g.unimported('k', 5, 9, T + 30_000)).toBe(0);
  });

  it('holds a figure above the ceiling until the feeds pass both when it was wanted and when the store started showing its figure', () => {
    const g = new IncreaseGate();
    g.pushed('k', T);
    let held = 0;
    const count = () => void held++;
    expect(g.holds('k', 4, 5, T + 60_000, T, T + 10_000, count)).toBe(false); // a decrease: at once
    expect(g.holds('k', 6, 5, undefined, T, T + 10_000, count)).toBe(false); // nobody reports a feed position
    expect(g.holds('k', 6, 5, T + 5_000, T, T + 10_000, count)).toBe(true); // wanted at T + 10 s
    expect(g.holds('k', 7, 5, T + 9_000, T, T + 20_000, count)).toBe(true); // still since T + 10 s
    expect(held).toBe(1);
    expect(g.holds('k', 7, 5, T + 10_000, T, T + 30_000, count)).toBe(false);
  });
});
