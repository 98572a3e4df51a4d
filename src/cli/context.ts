/** What every command gets: output channels and a signal that Ctrl-C aborts. */
import { hubHooks } from '../hub/hub-hooks.js';
import { Hub } from '../hub/hub.js';
import type { PricingOptions } from '../hub/pricing.js';
import { CliError, type Io } from './exit.js';
import { buildAdapters } from './marketplaces.js';
import { loadRates } from './rates-source.js';
import { loadStoresConfig, type StoresConfig } from './store-config.js';

export interface CliContext {
  io: Io;
  /** Aborted by the first Ctrl-C (SIGINT) or SIGTERM: commands finish their report and exit. */
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
}

export interface LoadedHub {
  hub: Hub;
  config: StoresConfig;
}

/** Store config → adapters (through their public subpaths) → Hub, with rate waits wired in. */
export async function hubFromConfig(ctx: CliContext, file: string | undefined): Promise<LoadedHub> {
  if (!file) throw new CliError('--stores <file> is required (see examples/stores.example.json)');
  const config = await loadStoresConfig(file, ctx.env);
  const hooks = hubHooks();
  const accounts = await buildAdapters(config.accounts, hooks, config.stateDir);
  return { hub: new Hub({ accounts, hooks }), config };
}

export async function pricingFromConfig(config: StoresConfig, signal: AbortSignal): Promise<PricingOptions | undefined> {
  const p = config.pricing;
  if (!p) return undefined;
  return {
    base: p.base,
    rates: await loadRates(p.rates, signal),
    ...(p.margin ? { margin: p.margin } : {}),
    ...(p.fees ? { fees: p.fees } : {}),
    ...(p.fxBuffer ? { fxBuffer: p.fxBuffer } : {}),
    ...(p.ending !== undefined ? { ending: p.ending as PricingOptions['ending'] } : {}),
    ...(p.vatRates ? { vatRates: p.vatRates } : {}),
  };
}

export { parseMoneyArg } from './inputs.js';

/** "a,b , c" → ['a', 'b', 'c']. */
export const csvList = (value: string | undefined): string[] | undefined => value?.split(',').map((s) => s.trim()).filter(Boolean);
