import { createHash, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { API, adapter, api, mockToken, TOKEN } from './helpers.js';
import { mockFull, mockOrder, mockSummary, ORDER_ID, po, RETURN_ID, summary } from './returns-support.js';

/*
 * eBay digital signatures (https://developer.ebay.com/develop/guides/digital-signatures-for-apis):
 * x-ebay-signature-key (JWE), Content-Digest (sha-256 of the body, RFC 9530), Signature-Input and
 * Signature (RFC 9421) over ("content-digest" "x-ebay-signature-key" "@method" "@path" "@authority");created=...
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const NOW = 1_764_900_000_000;
const CREATED = NOW / 1000;
const clock = { now: () => NOW, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
const JWE = 'eyJ6aXAiOiJERUYiLCJlbmMiOiJBMjU2R0NNIn0.test-jwe-value.iv.ciphertext.tag';

function keys(type: 'ed25519' | 'rsa') {
  const pair = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
  return { publicKey: pair.publicKey, pem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

interface Seen { headers: Record<string, string | string[] | undefined>; body: string }

/** Records every request's headers and raw body bytes as nock received them. */
function record(scope: nock.Scope, seen: Seen[]): nock.Scope {
  scope.on('request', (req: { headers: Seen['headers'] }, _i: unknown, body: string) => seen.push({ headers: req.headers, body }));
  return scope;
}

/** The RFC 9421 signature base, rebuilt here from what went on the wire (independent of the adapter's code). */
function verifySigned(s: Seen, method: string, path: string, publicKey: KeyObject, rsa = false) {
  const h = s.headers;
  const withBody = s.body.length > 0;
  const covered = withBody ? '"content-digest" "x-ebay-signature-key" "@method" "@path" "@authority"' : '"x-ebay-signature-key" "@method" "@path" "@authority"';
  const params = `(${covered});created=${CREATED}`;
  expect(h['x-ebay-signature-key']).toBe(JWE);
  expect(h['signature-input']).toBe(`sig1=${params}`);
  if (withBody) expect(h['content-digest']).toBe(`sha-256=:${createHash('sha256').update(s.body).digest('base64')}:`);
  else expect(h['content-digest']).toBeUndefined();
  const lines = [
    ...(withBody ? [`"content-digest": ${h['content-digest']}`] : []),
    `"x-ebay-signature-key": ${JWE}`, `"@method": ${method}`, `"@path": ${path}`, `"@authority": api.ebay.com`, `"@signature-params": ${params}`,
  ];
  const sig = /^sig1=:([A-Za-z0-9+/=]+):$/.exec(String(h['signature']))?.[1];
  expect(sig).toBeDefined();
  expect(verify(rsa ? 'sha256' : null, Buffer.from(lines.join('\n')), publicKey, Buffer.from(sig!, 'base64'))).toBe(true);
}

const ISSUE = `/post-order/v2/return/${RETURN_ID}/issue_refund`;
const FULFILLMENT_REFUND = `/sell/fulfillment/v1/order/${ORDER_ID}/issue_refund`;

describe('eBay digital signatures (config.digitalSignature)', () => {
  it('Post-Order issue_refund carries a verifiable Ed25519 signature over the exact body; the reads are unsigned', async () => {
    const k = keys('ed25519');
    const seen: Seen[] = [];
    const reads: Seen[] = [];
    mockToken();
    record(mockSummary(summary({ state: 'ITEM_DELIVERED', status: 'ITEM_DELIVERED' })), reads);
    mockFull();
    mockOrder(2);
    mockSummary(summary({ state: 'ITEM_DELIVERED', status: 'ITEM_DELIVERED' }));
    const body = { refundDetail: { itemizedRefundDetail: [{ refundAmount: { value: 19.99, currency: 'GBP' }, refundFeeType: 'PURCHASE_PRICE' }], totalAmount: { value: 19.99, currency: 'GBP' } } };
    record(po().matchHeader('content-type', 'application/json').post(ISSUE, body).reply(200, { refundStatus: 'SUCCESS' }), seen);
    const a = adapter({ clock, digitalSignature: { privateKey: k.pem, jwe: JWE } });
    const r = await a.returns.refund(RETURN_ID, { lines: [{ lineId: '10045678901234', quantity: 1 }] });
    expect(r).toMatchObject({ state: 'succeeded', amount: { amount: 1999, currency: 'GBP' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe(JSON.stringify(body));
    expect(seen[0]!.headers['authorization']).toBe(`IAF ${TOKEN}`);
    verifySigned(seen[0]!, 'POST', ISSUE, k.publicKey);
    for (const name of ['x-ebay-signature-key', 'signature', 'signature-input', 'content-digest']) expect(reads[0]!.headers[name]).toBeUndefined();
    expect(nock.isDone()).toBe(true);
  });

  it('Fulfillment issueRefund is signed (RSA key, algorithm rsa)', async () => {
    const k = keys('rsa');
    const seen: Seen[] = [];
    mockToken();
    mockOrder();
    const body = { reasonForRefund: 'BUYER_CANCEL', refundItems: [{ refundAmount: { value: '19.99', currency: 'GBP' }, lineItemId: '10045678901234' }] };
    record(api().post(FULFILLMENT_REFUND, body).reply(200, { refundId: '5034671234', refundStatus: 'PENDING' }), seen);
    const a = adapter({ clock, digitalSignature: { privateKey: k.pem, jwe: JWE, algorithm: 'rsa' } });
    await a.returns.refundOrder!(ORDER_ID, { lines: [{ lineId: '10045678901234', quantity: 1 }], reason: 'BUYER_CANCEL' });
    expect(seen[0]!.body).toBe(JSON.stringify(body));
    verifySigned(seen[0]!, 'POST', FULFILLMENT_REFUND, k.publicKey, true);
  });

  it('cancellation approve (no body) is signed without Content-Digest', async () => {
    const k = keys('ed25519');
    const seen: Seen[] = [];
    const CANCEL_ID = '5000123456';
    const detail = (state: string, status: string) => ({ cancelDetail: { cancelId: CANCEL_ID, legacyOrderId: ORDER_ID, marketplaceId: 'EBAY_GB', requestorType: 'BUYER', cancelState: state, cancelStatus: status, cancelRequestDate: { value: '2026-11-25T08:10:00.000Z' } } });
    mockToken();
    po().get(`/post-order/v2/cancellation/${CANCEL_ID}`).query({ fieldgroups: 'SUMMARY' }).reply(200, detail('APPROVAL_PENDING', 'CANCEL_REQUESTED'));
    record(po().post(`/post-order/v2/cancellation/${CANCEL_ID}/approve`).reply(200, {}), seen);
    po().get(`/post-order/v2/cancellation/${CANCEL_ID}`).query({ fieldgroups: 'SUMMARY' }).reply(200, detail('REFUND_PENDING', 'CANCEL_APPROVED'));
    await adapter({ clock, digitalSignature: { privateKey: k.pem, jwe: JWE } }).returns.cancellations!.accept(CANCEL_ID);
    verifySigned(seen[0]!, 'POST', `/post-order/v2/cancellation/${CANCEL_ID}/approve`, k.publicKey);
  });

  it('without config.digitalSignature a refund carries no signature headers', async () => {
    const seen: Seen[] = [];
    mockToken();
    mockOrder();
    record(api().post(FULFILLMENT_REFUND).reply(200, { refundId: '1', refundStatus: 'PENDING' }), seen);
    await adapter().returns.refundOrder!(ORDER_ID, { lines: [{ lineId: '10045678901234', quantity: 1 }], reason: 'BUYER_CANCEL' });
    for (const name of ['x-ebay-signature-key', 'signature', 'signature-input', 'content-digest']) expect(seen[0]!.headers[name]).toBeUndefined();
  });

  it('a mismatched or unreadable key is a ValidationError that never shows the key', () => {
    const k = keys('ed25519');
    const wrong = (() => { try { adapter({ digitalSignature: { privateKey: k.pem, jwe: JWE, algorithm: 'rsa' } }); } catch (e) { return e; } })() as ValidationError;
    expect(wrong).toBeInstanceOf(ValidationError);
    expect(wrong.path).toBe('config.digitalSignature.algorithm');
    const bad = `-----BEGIN PRIVATE KEY-----\nnot-a-key-${'Z'.repeat(40)}\n-----END PRIVATE KEY-----`;
    const unreadable = (() => { try { adapter({ digitalSignature: { privateKey: bad, jwe: JWE } }); } catch (e) { return e; } })() as ValidationError;
    expect(unreadable.path).toBe('config.digitalSignature.privateKey');
    for (const e of [wrong, unreadable]) {
      const text = `${e.message} ${JSON.stringify(e.toJSON())}`;
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain(JWE);
    }
  });

  it('a marketplace error echoing the key or the JWE is redacted in message and toJSON', async () => {
    const k = keys('ed25519');
    mockToken();
    mockOrder();
    const echo = `bad key ${k.pem} for ${JWE}`;
    api().post(FULFILLMENT_REFUND).reply(400, { errors: [{ errorId: 215120, domain: 'API_FULFILLMENT', category: 'REQUEST', message: echo, longMessage: echo }] });
    const err = await adapter({ clock, digitalSignature: { privateKey: k.pem, jwe: JWE } }).returns.refundOrder!(ORDER_ID, { lines: [{ lineId: '10045678901234', quantity: 1 }], reason: 'BUYER_CANCEL' }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    const text = `${err.message} ${JSON.stringify(err.toJSON())}`;
    expect(text).not.toContain(k.pem.split('\n')[1]!);
    expect(text).not.toContain(JWE);
  });

  it('config.digitalSignature is validated by the schema', () => {
    const e = (() => { try { adapter({ digitalSignature: { privateKey: '', jwe: JWE } }); } catch (x) { return x; } })() as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.path).toContain('digitalSignature.privateKey');
    void API;
  });
});
