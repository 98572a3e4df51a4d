import { registerSecret } from '../../../errors/redact.js';
import type { Clock } from '../../../http/clock.js';
import { op } from '../../../http/operation.js';
import type { Pipeline } from '../../../http/pipeline.js';
import { ClientCredentialsAuth, expiresInSeconds } from '../oauth.js';
import { TokenResponseSchema } from './schemas.js';

/** CreateToken: POST /security/v1/oauth/token, Basic(client_id:client_secret), form grant_type=client_credentials. */
export const createToken = op<{ body: Record<string, string>; headers: Record<string, string> }, { access_token: string; expires_in?: string | number }>({
  id: 'createToken', method: 'POST', path: '/security/v1/oauth/token', bodyType: 'form', noAuth: true, idempotent: true, response: TokenResponseSchema,
});

export function upsAuth(clientId: string, clientSecret: string, pipeline: () => Pipeline, clock?: Clock): ClientCredentialsAuth {
  registerSecret(clientId);
  registerSecret(clientSecret);
  const basic = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
  registerSecret(basic);
  return new ClientCredentialsAuth({
    clock,
    fetchToken: async () => {
      const res = await pipeline().call(createToken, { body: { grant_type: 'client_credentials' }, headers: { authorization: `Basic ${basic}` } });
      return { accessToken: res.data.access_token, expiresInSec: expiresInSeconds(res.data.expires_in) };
    },
  });
}
