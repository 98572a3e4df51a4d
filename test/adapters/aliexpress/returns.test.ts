import { afterEach, describe, expect, it } from 'vitest';
import { NotSupportedError } from '../../../src/errors/index.js';
import { aeSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('AliExpress returns', () => {
  it('capabilities say a seller can do nothing with returns by API', async () => {
    s = await aeSandbox();
    const caps = s.adapter.capabilities.returns!;
    expect(caps).toMatchObject({ list: false, approve: false, reject: false, refundByLines: false, refundByAmount: false, refundWithoutReturn: false, markReceived: false });
    expect(caps.cancellationRequests).toEqual({ list: false, accept: false, reject: false });
  });

  it('every returns call is refused with NotSupportedError naming the reason', async () => {
    s = await aeSandbox();
    const r = s.adapter.returns!;
    expect(() => r.list({ updatedSince: new Date() })).toThrow(NotSupportedError);
    expect(() => r.list({ updatedSince: new Date() })).toThrow(/only RMA calls \(aliexpress\.solution\.issue\.partner\.rma\.\*\) are for after-sales partners/);
    for (const p of [r.get('1'), r.approve('1'), r.reject('1'), r.refund('1', { amount: { amount: 100, currency: 'USD' } })]) {
      await expect(p).rejects.toMatchObject({ code: 'NOT_SUPPORTED', marketplace: 'aliexpress' });
    }
  });
});
