import { describe, expect, it } from 'vitest';
import { createWebhookReceiver, type WebhookVerifier } from '../../src/notifications/index.js';
import { serve } from './helpers.js';

// Found by the notifications fuzz (a verifier answering 1): a TypeError escaped the handler.
describe('createWebhookReceiver with a verifier that answers something that is not a Verification', () => {
  it.each([[1], [null], [{ status: 'verified' }], [{ status: 'rejected', reason: 'nope' }], [{ status: 'reply' }]])('%j → 503, counted as an error, the handler never runs', async (answer) => {
    let handled = 0;
    const verifier = { marketplace: 'other', matches: () => true, verify: async () => answer } as unknown as WebhookVerifier;
    const receiver = createWebhookReceiver({ verifiers: [verifier], onEvent: async () => void handled++ });
    const server = await serve(receiver);
    try {
      const res = await fetch(`${server.url}/hook`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'verification_unavailable' });
      expect(receiver.stats().errors).toBe(1);
      expect(handled).toBe(0);
    } finally {
      await server.close();
    }
  });
});
