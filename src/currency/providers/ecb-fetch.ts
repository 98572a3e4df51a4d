import axios from 'axios';
import { errorFromResponse, errorFromTransport } from '../../errors/from-response.js';

export interface FetchTextOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  operation?: string;
}

/**
 * GET a text document (the ECB XML feeds). src/http has no plain GET helper (its pipeline is built
 * around marketplace op tables), so this stays a small axios call: statuses and transport
 * failures become typed errors with marketplace 'ecb'; raw axios errors never escape.
 */
export async function fetchText(url: string, opts: FetchTextOptions = {}): Promise<string> {
  const operation = opts.operation ?? 'getReferenceRates';
  let res;
  try {
    res = await axios.get<string>(url, {
      responseType: 'text',
      transformResponse: (d: unknown) => d,
      validateStatus: () => true,
      timeout: opts.timeoutMs ?? 30_000,
      signal: opts.signal,
      headers: { Accept: 'application/xml, text/xml' },
    });
  } catch (err) {
    throw errorFromTransport(err, { marketplace: 'ecb', operation, signal: opts.signal });
  }
  if (res.status < 200 || res.status >= 300) {
    throw errorFromResponse({ marketplace: 'ecb', operation, status: res.status, message: `ECB feed ${url} answered HTTP ${res.status}` });
  }
  return typeof res.data === 'string' ? res.data : String(res.data);
}
