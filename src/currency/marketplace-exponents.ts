import { currencyExponent } from '../model/currencies.js';
import { ValidationError } from '../errors/classes.js';

/**
 * Price exponents where marketplaces (or gateways behind them) differ from ISO 4217: Money keeps
 * the ISO exponent for storage, prices sent to the marketplace must be whole multiples of
 * 10^(iso − marketplace) minor units. Research B5.4/B5.5: IDR, HUF, COP are formatted with 0
 * decimals by CLDR and rejected with decimals by gateways (Midtrans, Xendit); TWD prices are
 * whole dollars in practice. '*' applies to a marketplace without its own row (or none given):
 * fewer decimals are always accepted where more are allowed, so the default errs that way.
 */
export const MARKETPLACE_EXPONENTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '*': { IDR: 0, TWD: 0, HUF: 0, COP: 0 },
  // Shopee regional shops: IDR/VND/TWD sent as integers (research B5.5, unconfirmed for the API).
  shopee: { IDR: 0, TWD: 0, COP: 0 },
  // Amazon, eBay and AliExpress list in no currency whose decimals differ from ISO here.
  amazon: {},
  ebay: {},
  aliexpress: {},
};

/** The number of decimals a marketplace accepts for prices in `currency` (ISO when no override). */
export function marketplaceExponent(marketplace: string | undefined, currency: string): number {
  const iso = currencyExponent(currency);
  if (marketplace !== undefined && typeof marketplace !== 'string') throw new ValidationError({ message: 'marketplace must be a string', path: 'marketplace' });
  const own = (o: object | undefined, k: string) => (o && Object.hasOwn(o, k) ? (o as Record<string, never>)[k] : undefined);
  const row = (marketplace !== undefined ? own(MARKETPLACE_EXPONENTS, marketplace) : undefined) ?? MARKETPLACE_EXPONENTS['*'];
  const e = own(row, currency) as number | undefined;
  return e === undefined ? iso : Math.min(e, iso);
}
