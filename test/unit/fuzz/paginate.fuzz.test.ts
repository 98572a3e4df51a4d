import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WindowDateSchema, splitWindows, zonedWindows } from '../../../src/paginate/time-windows.js';
import { parseInput } from '../../../src/errors/index.js';
import { ValidationError } from '../../../src/errors/index.js';
import { assertOnlyValidation, hostile } from './harness.js';

const date = fc.oneof(fc.date({ noInvalidDate: false }), fc.constantFrom(new Date('0001-01-01T00:00:00Z'), new Date(8.64e15), new Date(-8.64e15)), hostile);
const call = <F extends (...a: never[]) => unknown>(f: F) => (...a: unknown[]) => (f as unknown as (...x: unknown[]) => unknown)(...a);

describe('fuzz: time windows never hang and refuse absurd ranges (issue 12.3)', () => {
  it('splitWindows / zonedWindows', () => {
    const ms = fc.oneof(fc.constantFrom(15 * 86_400_000, 1, 0, -1, 1e21), hostile);
    assertOnlyValidation([date, date, ms], call(splitWindows));
    assertOnlyValidation([date, date, ms, fc.oneof(fc.constantFrom('America/Los_Angeles', 'Mars/Base', 'constructor'), hostile)], call(zonedWindows), { runs: 500 });
  });

  it('a far-past since or a far-future until is a ValidationError naming it, at once', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(() => splitWindows(new Date('0001-01-01T00:00:00Z'), now, 15 * 86_400_000, { from: 'createdSince' })).toThrow(expect.objectContaining({ path: 'createdSince' }));
    expect(() => splitWindows(now, new Date(8.64e15), 15 * 86_400_000)).toThrow(expect.objectContaining({ path: 'until' }));
    expect(() => splitWindows(new Date('1995-01-02T00:00:00Z'), now, 1_000)).toThrow(ValidationError);
    expect(splitWindows(new Date('1995-01-01T00:00:00Z'), new Date('2099-12-31T00:00:00Z'), 15 * 86_400_000)).toHaveLength(2557);
    expect(() => parseInput(WindowDateSchema, '0001-01-01T00:00:00Z', 'query.createdSince')).toThrow(expect.objectContaining({ path: 'query.createdSince' }));
    expect(() => parseInput(WindowDateSchema, 10n, 'query.updatedSince')).toThrow(expect.objectContaining({ path: 'query.updatedSince' }));
    expect(parseInput(WindowDateSchema, '2026-01-01T00:00:00+01:00', 'since').toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });
});
