import { promises as fs } from 'node:fs';
import { ecbRates } from '../currency/providers/ecb.js';
import { rateTable, type RateTableInput } from '../currency/rate-table.js';
import type { RateTable } from '../currency/types.js';
import { CliError } from './exit.js';

/** "ecb" (fetched from the ECB), a path to a rate-table JSON file, or a table object. */
export async function loadRates(source: string | Record<string, unknown>, signal?: AbortSignal): Promise<RateTable> {
  if (typeof source === 'object') return tableOf(source, 'pricing.rates');
  if (source === 'ecb') return ecbRates().getRates({ signal });
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(source, 'utf8'));
  } catch (e) {
    throw new CliError(`Cannot read rates ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return tableOf(raw, source);
}

function tableOf(raw: unknown, where: string): RateTable {
  try {
    return rateTable(raw as RateTableInput);
  } catch (e) {
    throw new CliError(`Rates ${where}: ${(e as Error).message}`);
  }
}
