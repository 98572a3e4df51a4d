/**
 * The CLI's store config file (examples/stores.example.json). It names each account's
 * marketplace and its non-secret settings; secrets come from environment variables it names,
 * never from the file or argv.
 */
import path from 'node:path';
import { z } from 'zod';
import { CliError } from './exit.js';
import { readJsonFile } from './inputs.js';
import { halfSandbox } from '../http/endpoint-pairing.js';

import { MARKETPLACE_NAMES, type MarketplaceName } from '../sandbox/demo/load.js';

export { MARKETPLACE_NAMES, type MarketplaceName };

/** "VAR", "VAR?" (optional) or { var, type: 'number' | 'boolean' | 'json', optional }. */
const EnvRefSchema = z.union([
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*\??$/, 'expected an environment variable name'),
  z.object({ var: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), type: z.enum(['string', 'number', 'boolean', 'json']).default('string'), optional: z.boolean().default(false) }),
]);

const AccountSchema = z.object({
  marketplace: z.enum(MARKETPLACE_NAMES),
  /** Factory options without secrets (region, ids, stores, endpoint...). */
  config: z.record(z.string(), z.unknown()).default({}),
  /** Factory option path (dots for nesting) → environment variable holding its value. */
  env: z.record(z.string(), EnvRefSchema).default({}),
  /** Where rotated OAuth tokens are persisted between runs (Shopee refresh tokens are single-use). */
  tokenFile: z.string().optional(),
});

const PricingSchema = z.object({
  base: z.string(),
  /** A rate table object, a path to one (JSON), or "ecb" (fetched). */
  rates: z.union([z.string(), z.record(z.string(), z.unknown())]),
  margin: z.string().optional(),
  fees: z.union([z.string(), z.array(z.string())]).optional(),
  fxBuffer: z.string().optional(),
  ending: z.unknown().optional(),
  vatRates: z.record(z.string(), z.string()).optional(),
});

const StoresFileSchema = z.object({
  $schema: z.string().optional(),
  /** Where the CLI keeps write intents (idempotency across runs); default ".xborder" next to this file. */
  stateDir: z.string().optional(),
  accounts: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'account keys use letters, digits, _ . -'), AccountSchema).refine((a) => Object.keys(a).length > 0, 'at least one account'),
  pricing: PricingSchema.optional(),
});

export type PricingConfig = z.infer<typeof PricingSchema>;

export interface AccountConfig {
  key: string;
  marketplace: MarketplaceName;
  /** Factory options with secrets filled in from the environment. */
  options: Record<string, unknown>;
  /** Absolute path of the account's token file, if any. */
  tokenFile?: string;
}

export interface StoresConfig {
  file: string;
  /** Absolute directory for the accounts' intent journals. */
  stateDir: string;
  accounts: AccountConfig[];
  pricing?: PricingConfig;
}

// A literal value under one of these names is almost surely a secret pasted into the file.
const SECRET_NAME = /(secret|password|refreshtoken|accesstoken|partnerkey|appkey|privatekey|apikey)$/i;

export async function loadStoresConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<StoresConfig> {
  const raw = await readJsonFile(file, 'store config');
  const parsed = StoresFileSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new CliError(`Store config ${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const dir = path.dirname(path.resolve(file));
  const accounts = Object.entries(parsed.data.accounts).map(([key, a]): AccountConfig => {
    const leaked = findSecret(a.config, `accounts.${key}.config`);
    const halfSandbox = sandboxMismatch(a.marketplace, a.config);
    if (halfSandbox) throw new CliError(`Store config ${file}: accounts.${key}.config: ${halfSandbox}`);
    if (leaked) throw new CliError(`Store config ${file}: ${leaked} looks like a secret; name an environment variable for it under "env" instead`);
    const options = structuredClone(a.config);
    for (const [target, ref] of Object.entries(a.env)) {
      const spec = typeof ref === 'string' ? { var: ref.replace(/\?$/, ''), type: 'string' as const, optional: ref.endsWith('?') } : ref;
      const value = env[spec.var];
      if (value === undefined || value === '') {
        if (spec.optional) continue;
        throw new CliError(`Account ${key}: environment variable ${spec.var} (for ${target}) is not set`);
      }
      setPath(options, target, coerce(value, spec.type, `${key}: ${spec.var}`));
    }
    return { key, marketplace: a.marketplace, options, ...(a.tokenFile ? { tokenFile: path.resolve(dir, a.tokenFile) } : {}) };
  });
  const pricing = parsed.data.pricing;
  if (pricing && typeof pricing.rates === 'string' && pricing.rates !== 'ecb') pricing.rates = path.resolve(dir, pricing.rates);
  return { file, stateDir: path.resolve(dir, parsed.data.stateDir ?? '.xborder'), accounts, pricing };
}

/**
 * A config that clearly meant a local or test endpoint but would still send some calls to the real
 * marketplace (the factories refuse it too; here it fails before any secret is read, naming the file).
 * Amazon's LWA token call goes to its own host (api.amazon.com), not to `endpoint`; eBay's token
 * call follows `endpoint`; Shopee and AliExpress have no separate token host.
 */
function sandboxMismatch(marketplace: MarketplaceName, config: Record<string, unknown>): string | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (marketplace !== 'amazon' && marketplace !== 'ebay') return undefined;
  return halfSandbox({
    endpoint: str(config.endpoint),
    tokenEndpoint: str(config.tokenEndpoint),
    tokenDefault: marketplace === 'amazon' ? { realHost: 'api.amazon.com' } : 'follows-endpoint',
    realApiHost: marketplace === 'amazon' ? `sellingpartnerapi-${str(config.region) ?? 'na'}.amazon.com` : 'api.ebay.com',
    tokenCall: 'the LWA token call',
    hint: "the sandbox's is <endpoint>/auth/o2/token",
  })?.message;
}

function coerce(value: string, type: 'string' | 'number' | 'boolean' | 'json', where: string): unknown {
  if (type === 'string') return value;
  if (type === 'number') {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new CliError(`${where} is not a number`);
    return n;
  }
  if (type === 'boolean') return value === 'true' || value === '1';
  try {
    return JSON.parse(value);
  } catch {
    throw new CliError(`${where} is not valid JSON`);
  }
}

function findSecret(value: unknown, at: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && SECRET_NAME.test(k)) return `${at}.${k}`;
    const inner = findSecret(v, `${at}.${k}`);
    if (inner) return inner;
  }
  return undefined;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof node[p] !== 'object' || node[p] === null) node[p] = {};
    node = node[p] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}
