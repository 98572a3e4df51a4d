import { describe, expect, it } from 'vitest';
import { redactText, registerPii, registerSecret } from '../../../src/errors/redact.js';

// Shapes that made the old e-mail pattern retry from every start of a long token (quadratic).
const SHAPES: Array<(n: number) => string> = [
  (n) => 'a'.repeat(n),
  (n) => 'a.'.repeat(n / 2),
  (n) => 'x'.repeat(n / 2) + '@' + 'b'.repeat(n / 2 - 1),
  (n) => 'a@'.repeat(n / 2),
  (n) => 'user@host.'.repeat(n / 10),
  (n) => 'Atza|'.repeat(n / 5),
  (n) => 'v^1.1#i^1#'.repeat(n / 10),
];

/** Work counted by redactText's scanners (positions visited and candidates checked), not time. */
function steps(text: string): number {
  const meter = { steps: 0 };
  redactText(text, meter);
  return meter.steps;
}

describe('redaction is linear in the text length (issue 12.3)', () => {
  it('a 40k-character value costs about four times a 10k one, whatever its shape and the registries', () => {
    // Many registered values sharing prefixes, as every eBay / LWA token does.
    for (let i = 0; i < 2_000; i++) registerSecret(`v^1.1#i^1#p^3#r^0#I^3#f^0#t^H4sI-linear-${i}`);
    for (let i = 0; i < 2_000; i++) registerPii(`${i} Linear Street`);
    for (const shape of SHAPES) {
      const small = steps(shape(10_000));
      const large = steps(shape(40_000));
      expect(small).toBeGreaterThan(0);
      expect(large / small, shape(20)).toBeLessThan(4.5);
      expect(large, shape(20)).toBeLessThan(40_000 * 40);
    }
  });

  it('still finds e-mails exactly where the pattern did', () => {
    expect(redactText('mail jane.doe+x@mail.example.co.uk, or a@b.c and @x.com and me@host')).toBe(
      'mail [REDACTED], or a@b.c and @x.com and me@host',
    );
    expect(redactText('<buyer.1@example.com>.')).toBe('<[REDACTED]>.');
  });
});
