import { describe, expect, it } from 'vitest';
import { errorFromResponse, registerOrderPii } from '../../../src/index.js';

describe('registerOrderPii (issue 12.4)', () => {
  it('an echo of a mapped order\'s buyer data is redacted in errors and toJSON', () => {
    const order = {
      buyer: { name: 'Canary Q. Buyer', email: 'canary.buyer@example.test' },
      shippingAddress: { name: 'Canary Q. Buyer', company: 'Canary Widgets Ltd', lines: ['77 Canary Wharf Road', 'Flat 9'], country: 'GB', phone: '+44 20 7946 0991' },
    };
    registerOrderPii(order, ['canary_buyer_88']);
    const echo = `bad address 77 Canary Wharf Road for Canary Q. Buyer (canary_buyer_88, +44 20 7946 0991, Canary Widgets Ltd)`;
    const err = errorFromResponse({ marketplace: 'shopee', status: 400, message: echo, errors: [{ code: 'x', message: echo }] });
    const out = `${err.message} ${JSON.stringify(err.toJSON())}`;
    for (const v of ['77 Canary Wharf Road', 'Canary Q. Buyer', 'canary_buyer_88', '+44 20 7946 0991', 'Canary Widgets Ltd']) expect(out).not.toContain(v);
  });
});
