import { registerSecret } from '../../../errors/redact.js';
import type { AuthStep } from '../../../http/auth-step.js';
import type { HttpRequest } from '../../../http/request.js';

/** MyDHL API uses HTTP Basic with the API user and password (securitySchemes.basicAuth). */
export class DhlBasicAuth implements AuthStep {
  private readonly header: string;

  constructor(username: string, password: string) {
    registerSecret(username);
    registerSecret(password);
    const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
    registerSecret(encoded);
    this.header = `Basic ${encoded}`;
  }

  async authorize(req: HttpRequest): Promise<void> {
    req.headers.authorization = this.header;
  }
}
