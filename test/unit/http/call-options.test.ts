/** The call-options fast path accepts exactly what the schema accepts; rejections stay zod's. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { CallOptionsSchema, parseCallOptions } from '../../../src/http/call-options.js';

const anyValue = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.integer({ min: -5, max: 30 }), fc.double(), fc.constant(2 ** 60), fc.string({ maxLength: 3 }),
  fc.string({ minLength: 199, maxLength: 202 }), fc.boolean(), fc.constant(new AbortController().signal), fc.constant({}), fc.constant([]),
);
const options = fc.record(
  { signal: anyValue, timeoutMs: anyValue, deadline: anyValue, maxRetries: anyValue, idempotencyKey: anyValue, extra: anyValue },
  { requiredKeys: [] },
);

describe('parseCallOptions', () => {
  it('agrees with CallOptionsSchema on every input: same accept/reject, same ValidationError path', () => {
    fc.assert(
      fc.property(fc.oneof(options, anyValue), (input) => {
        const schema = input === undefined || input === null ? { success: true } : CallOptionsSchema.safeParse(input);
        let thrown: unknown;
        try {
          parseCallOptions(input);
        } catch (e) {
          thrown = e;
        }
        if (schema.success) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(ValidationError);
          expect((thrown as ValidationError).path.startsWith('options')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('no options → one shared empty object (nothing allocated per call)', () => {
    expect(parseCallOptions(undefined)).toBe(parseCallOptions(undefined));
  });
});
