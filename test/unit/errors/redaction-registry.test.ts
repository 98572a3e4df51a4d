import { afterAll, describe, expect, it } from 'vitest';
import {
  AuthError, MarketplaceError, REDACTED, configureRedaction, errorFromResponse, redactHeaders, redactText, redactUrl, redactValue,
  redactionStats, registerPii, registerSecret,
} from '../../../src/errors/index.js';

// Canaries: realistic shapes of each marketplace's credentials (random bodies, never real ones).
const EBAY_ACCESS = 'v^1.1#i^1#p^3#r^0#I^3#f^0#t^H4sIAAAAAAAAAOVYa2wUVRTu7rZAi0CDyEMQK4tGhdmdmd3Z2R1a4oKUFmxZ2hoEgnh35m472J0Z5t6lLMZYq-canary';
const EBAY_REFRESH = 'v^1.1#i^1#f^0#r^1#I^3#p^3#t^Ul4xMF8yOkQ3RkY2QTQ5QjE0REE2-refresh-canary';
const LWA_ACCESS = 'Atza|IwEBIA-canary-access-0123456789abcdefABCDEF~+/=';
const LWA_REFRESH = 'Atzr|IwEBIA-canary-refresh-0123456789abcdefABCDEF';
const SHOPEE_ACCESS = '6a4f6f7e2b1c4d8e9f0a1b2c3d4e5f60';
const ALI_ACCESS = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg';
const TOKENS = [EBAY_ACCESS, EBAY_REFRESH, LWA_ACCESS, LWA_REFRESH, SHOPEE_ACCESS, ALI_ACCESS];

afterAll(() => configureRedaction({ piiCapacity: 200_000 }));

function clean(text: string, canaries: readonly string[]) {
  for (const c of canaries) expect(text).not.toContain(c);
}

function orderPii(i: number): string[] {
  return [`Buyer Number${i}`, `${i} Canary Street`, `+44 20 7946 ${String(i).padStart(4, '0')}`, `user_${i}_name`, `Flat ${i}, Block B`];
}

describe('secret and PII registries (issue 12.4)', () => {
  it('credentials stay redacted after a long sync registered the PII of 5,000 orders', () => {
    for (const t of TOKENS) registerSecret(t);
    for (let i = 0; i < 5_000; i++) for (const v of orderPii(i)) registerPii(v);
    const err = errorFromResponse({
      marketplace: 'ebay', status: 401,
      errors: [{ code: 'Invalid', message: `tokens ${TOKENS.join(' / ')}`, details: `refresh=${EBAY_REFRESH}` }],
    });
    clean(err.message, TOKENS);
    clean(JSON.stringify(err.toJSON()), TOKENS);
    const auth = new AuthError({ message: `rotation failed for ${SHOPEE_ACCESS}`, cause: new Error(`old ${ALI_ACCESS} ${LWA_REFRESH}`) });
    clean(JSON.stringify(auth.toJSON()), TOKENS);
    expect(redactionStats().secrets).toBeGreaterThanOrEqual(TOKENS.length);
  });

  it('secrets are pinned while PII is bounded by least-recent registration: the order being handled is always covered', () => {
    configureRedaction({ piiCapacity: 1_000 });
    const current = orderPii(999_999);
    for (const v of current) registerPii(v);
    for (let i = 0; i < 5_000; i++) for (const v of orderPii(i)) registerPii(v);
    expect(redactionStats().pii).toBe(1_000);
    // The adapter maps the order again (e.g. to ship it): its values become the most recent.
    for (const v of current) registerPii(v);
    for (let i = 5_000; i < 5_150; i++) for (const v of orderPii(i)) registerPii(v);
    const text = redactText(`cannot ship to ${current.join(' | ')} with ${LWA_ACCESS}`);
    clean(text, [...current, LWA_ACCESS]);
    expect(text).toContain(REDACTED);
    expect(redactText(`echo ${orderPii(4_999)[1]}`)).not.toContain(orderPii(4_999)[1]);
  });

  it('auth schemes and bare tokens are redacted whatever their alphabet (unregistered values)', () => {
    const ebay = 'v^1.1#i^1#r^0#p^3#I^3#f^0#t^H4sIAAAAAAAAAOVYbWwURRjunbVFBMUYgaCeLmdM1LYr';
    const cases = [
      `Authorization: Bearer ${ebay}`, `"authorization":"Bearer ${ebay}"`, `token ${ebay} expired`, `IAF ${ebay}`,
      'Bearer Atza|IwEBIunregistered^#!$*', 'x-amz-access-token: Atza|IwEBIunregistered', 'refresh Atzr|IwEBIunregistered?x',
    ];
    for (const c of cases) {
      const out = redactText(c);
      expect(out, c).not.toMatch(/H4sI|IwEBI/);
    }
  });

  it('request signatures are redacted in URLs, headers, bodies, errors and toJSON (Shopee/AliExpress sign, eBay signatures, S3)', () => {
    const SIGN = '3f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
    const JWE = 'eyJ6aXAiOiJERUYiLCJraWQiOiJiNmI2ZmVlNC1lYzEzLTRiYzctODE5Yy1jYjE3ZGI4ZDUwYzIi';
    const SIG = 'sig1=:MEUCIQDk9ZBmXt7aA0pYVkzQ2R4MXJ3ZlRqWk5xSk5Ib3p2MmZFZXhBQ3c9PQ==:';
    const shopee = redactUrl(`https://partner.shopeemobile.com/api/v2/order/get_order_list?partner_id=1&timestamp=2&sign=${SIGN}&shop_id=3`);
    const s3 = redactUrl(`https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com/doc?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20240101&X-Amz-Signature=${SIGN}&X-Amz-Security-Token=FwoGZXIvYXdzEBYaDcanary`);
    const headers = redactHeaders({ 'x-ebay-signature-key': JWE, Signature: SIG, 'Signature-Input': 'sig1=("x-ebay-signature-key" "@method");created=1', 'X-Amz-Security-Token': 'FwoGZXIvYXdzEBYaDcanary' });
    const body = redactText(`app_key=123&method=aliexpress.solution.order.get&sign_method=sha256&sign=${SIGN.toUpperCase()}&timestamp=1`);
    const echoed = new MarketplaceError({
      marketplace: 'ebay', message: `signature rejected: x-ebay-signature-key: ${JWE}\nSignature: ${SIG}`,
      errors: [{ code: '215120', message: `"signature":"${SIG}" "sign":"${SIGN}"` }],
    });
    const all = [shopee, s3, JSON.stringify(headers), body, echoed.message, JSON.stringify(echoed.toJSON()), JSON.stringify(redactValue({ query: { sign: SIGN } }))];
    for (const text of all) clean(text, [SIGN, SIGN.toUpperCase(), JWE, 'MEUCIQDk9ZBmXt7a', 'FwoGZXIvYXdzEBYaDcanary']);
    expect(shopee).toContain('shop_id=3');
    expect(body).toContain('sign_method=sha256');
  });
});
