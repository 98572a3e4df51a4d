import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMoneyArg } from '../../../src/cli/context.js';
import { CliError } from '../../../src/cli/exit.js';
import { run } from '../../../src/cli/program.js';
import { loadStoresConfig } from '../../../src/cli/store-config.js';

function write(obj: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'xb-cfg-')), 'stores.json');
  writeFileSync(file, JSON.stringify(obj));
  return file;
}

describe('store config', () => {
  it('fills secrets from the environment variables it names, typed and optional', async () => {
    const file = write({
      stateDir: './state',
      accounts: {
        shopeeSG: {
          marketplace: 'shopee',
          config: { region: 'SG', shopId: 1 },
          env: { partnerKey: 'SP_KEY', 'tokens.refreshToken': 'SP_RT', partnerId: { var: 'SP_ID', type: 'number' }, endpoint: 'SP_ENDPOINT?' },
          tokenFile: 'tokens.json',
        },
      },
      pricing: { base: 'USD', rates: 'rates.json', margin: '0.2' },
    });
    const cfg = await loadStoresConfig(file, { SP_KEY: 'k3y', SP_RT: 'rt', SP_ID: '2001' });
    expect(cfg.accounts[0]).toEqual({
      key: 'shopeeSG', marketplace: 'shopee',
      options: { region: 'SG', shopId: 1, partnerKey: 'k3y', tokens: { refreshToken: 'rt' }, partnerId: 2001 },
      tokenFile: path.join(path.dirname(file), 'tokens.json'),
    });
    expect(cfg.stateDir).toBe(path.join(path.dirname(file), 'state'));
    expect(cfg.pricing!.rates).toBe(path.join(path.dirname(file), 'rates.json'));
    await expect(loadStoresConfig(file, { SP_KEY: 'k' })).rejects.toThrow(/SP_RT \(for tokens.refreshToken\) is not set/);
  });

  it('refuses secrets written into the file, unknown marketplaces and bad JSON as usage errors', async () => {
    const leak = write({ accounts: { a: { marketplace: 'amazon', config: { credentials: { refreshToken: 'Atzr|x' } } } } });
    await expect(loadStoresConfig(leak, {})).rejects.toThrow(/accounts.a.config.credentials.refreshToken looks like a secret/);
    await expect(loadStoresConfig(write({ accounts: { a: { marketplace: 'etsy' } } }), {})).rejects.toThrow(/accounts.a.marketplace/);
    await expect(loadStoresConfig(write({ accounts: {} }), {})).rejects.toThrow(/at least one account/);
    await expect(loadStoresConfig('/nope/stores.json', {})).rejects.toBeInstanceOf(CliError);
  });
});

describe('cli arguments', () => {
  it('reads amounts with their currency exactly', () => {
    expect(parseMoneyArg('25.00 USD', '--value')).toEqual({ amount: 2500, currency: 'USD' });
    expect(parseMoneyArg('JPY 1500', '--value')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(parseMoneyArg('9.5eur', '--value')).toEqual({ amount: 950, currency: 'EUR' });
    expect(() => parseMoneyArg('9.999 USD', '--value')).toThrow(/3 decimals/);
    expect(() => parseMoneyArg('lots', '--value')).toThrow(CliError);
  });

  it('maps outcomes to exit codes: help 0, usage 2, --json errors on stdout', async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: () => {}, interactive: false };
    expect(await run(['--help'], io)).toBe(0);
    expect(await run([], io)).toBe(2);
    expect(await run(['orders', 'sync', '--json'], io)).toBe(2);
    expect(JSON.parse(out[out.length - 1]!)).toMatchObject({ ok: false, error: { message: '--checkpoint <file> is required' } });
    expect(await run(['rates', '--rates', '/nope.json'], io)).toBe(2);
  });
});
