import fc from 'fast-check';
import { describe, it } from 'vitest';
import { z } from 'zod';
import { errorFromResponse, errorFromTransport, parseInput, redactHeaders, redactText, redactUrl, redactValue } from '../../../src/errors/index.js';
import { assertOnlyValidation, hostile, hostileOr, RUNS, runsFor } from './harness.js';

const few = runsFor(4);
const call = <F extends (...a: never[]) => unknown>(f: F) => (...a: unknown[]) => (f as unknown as (...x: unknown[]) => unknown)(...a);

describe('fuzz: redaction and error factories never throw on hostile input (issue 12.3/12.4)', () => {
  it('redactText / redactValue / redactUrl / redactHeaders', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('https://x.test/?sign=abc&x=1', 'http://[::1', 'Bearer v^1.1#abc'), hostile);
    assertOnlyValidation([text], call(redactText), { runs: few });
    assertOnlyValidation([hostile], call(redactValue), { runs: few });
    assertOnlyValidation([text], call(redactUrl), { runs: few });
    assertOnlyValidation([fc.oneof(hostile, hostileOr({ Authorization: 'Bearer x', sign: 'y' }))], call(redactHeaders), { runs: few });
  });

  it('errorFromResponse / errorFromTransport / parseInput', () => {
    assertOnlyValidation([hostileOr({ marketplace: 'ebay', status: 400, errors: [{ code: 'x', message: 'y' }], message: 'm' })], call(errorFromResponse), { runs: few });
    assertOnlyValidation([hostile, hostileOr({ marketplace: 'ebay', operation: 'op' })], call(errorFromTransport), { runs: few });
    const schema = z.object({ a: z.string() });
    assertOnlyValidation([hostile, hostile], (v, p) => parseInput(schema, v, p as never), { runs: few });
  });
});
