import { registerSecret } from '../../../errors/redact.js';
import type { Clock } from '../../../http/clock.js';
import { op } from '../../../http/operation.js';
import type { Pipeline } from '../../../http/pipeline.js';
import { ClientCredentialsAuth, expiresInSeconds } from '../oauth.js';
import { TokenResponseSchema } from './schemas.js';

/** POST /oauth/token, form-encoded grant_type=client_credentials + client_id + client_secret. */
export const oauthToken = op<{ body: Record<string, string> }, { access_token: string; expires_in?: number | string }>({
  id: 'oauthToken', method: 'POST', path: '/oauth/token', bodyType: 'form', noAuth: true, idempotent: true, response: TokenResponseSchema,
});

export function fedexAuth(clientId: string, clientSecret: string, pipeline: () => Pipeline, clock?: Clock): ClientCredentialsAuth {
  registerSecret(clientId);
  registerSecret(clientSecret);
  return new ClientCredentialsAuth({
    clock,
    fetchToken: async () => {
      const res = await pipeline().call(oauthToken, {
        body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
      });
      return { accessToken: res.data.access_token, expiresInSec: expiresInSeconds(res.data.expires_in) };
    },
  });
}
