import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** An eBay-like signer for tests: a P-256 key pair, the header eBay sends, the key as getPublicKey returns it. */
export function ebaySigner(kid = 'ebay-key-1') {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  // getPublicKey's `key`: PEM markers without line breaks.
  const pem = (publicKey.export({ type: 'spki', format: 'pem' }) as string).replace(/\n/g, '');
  return {
    kid,
    publicKeyResponse: { algorithm: 'ECDSA', digest: 'SHA1', key: pem },
    header: (body: string, key: KeyObject = privateKey) =>
      Buffer.from(JSON.stringify({ alg: 'ecdsa', kid, signature: sign('sha1', Buffer.from(body), key).toString('base64'), digest: 'SHA1' })).toString('base64'),
  };
}

export const otherPrivateKey = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;

/** eBay's documented challenge hash, computed here independently: hex(SHA-256(code + token + endpoint)). */
export const expectedChallenge = (code: string, token: string, endpoint: string) => createHash('sha256').update(code + token + endpoint).digest('hex');

export function orderConfirmation(id: string, orderId: string, publishDate: string) {
  return JSON.stringify({
    metadata: { topic: 'ORDER_CONFIRMATION', schemaVersion: '1.0', deprecated: false },
    notification: { notificationId: id, eventDate: publishDate, publishDate, publishAttemptCount: 1, data: { orderId } },
  });
}
