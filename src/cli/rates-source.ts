import { ecbRates, ECB_ENDPOINT } from '../currency/providers/ecb.js';
import { rateTable, type RateTableInput } from '../currency/rate-table.js';
import type { RateTable } from '../currency/types.js';
import { isXborderError } from '../errors/xborder-error.js';
import { CliError, EXIT_PARTIAL } from './exit.js';
import { readJsonFile } from './inputs.js';
import { describeNetworkFailure } from './network.js';

/** "ecb" (fetched from the ECB), a path to a rate-table JSON file, or a table object. */
export async function loadRates(source: string | Record<string, unknown>, signal?: AbortSignal): Promise<RateTable> {
  if (typeof source === 'object') return tableOf(source, 'pricing.rates');
  if (source === 'ecb') {
    try {
      return await ecbRates().getRates({ signal });
    } catch (e) {
      if (!isXborderError(e) || (e.code !== 'NETWORK' && e.code !== 'TIMEOUT')) throw e;
      throw new CliError(describeNetworkFailure(e, { operation: 'fetching the ECB reference rates', url: ECB_ENDPOINT }), EXIT_PARTIAL);
    }
  }
  return tableOf(await readJsonFile(source, 'rate table'), source);
}

function tableOf(raw: unknown, where: string): RateTable {
  try {
    return rateTable(raw as RateTableInput);
  } catch (e) {
    throw new CliError(`Rates ${where}: ${(e as Error).message}`);
  }
}
