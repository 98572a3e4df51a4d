/**
 * Shopee markets, hosts and price rules (research A3/A4). Currencies are the national ISO codes
 * (inferred, not from a Shopee table); price decimals come from the update_price description:
 * SG/MY/BR/MX accept 2 decimals, every other market integer prices only.
 */
export const REGIONS = {
  SG: { currency: 'SGD', priceDecimals: 2, language: 'en' },
  MY: { currency: 'MYR', priceDecimals: 2, language: 'en' },
  TH: { currency: 'THB', priceDecimals: 0, language: 'th' },
  VN: { currency: 'VND', priceDecimals: 0, language: 'vi' },
  PH: { currency: 'PHP', priceDecimals: 0, language: 'en' },
  TW: { currency: 'TWD', priceDecimals: 0, language: 'zh-Hant' },
  ID: { currency: 'IDR', priceDecimals: 0, language: 'id' },
  BR: { currency: 'BRL', priceDecimals: 2, language: 'pt-BR' },
  MX: { currency: 'MXN', priceDecimals: 2, language: 'es-MX' },
  CO: { currency: 'COP', priceDecimals: 0, language: 'es-CO' },
  CL: { currency: 'CLP', priceDecimals: 0, language: 'es-CL' },
} as const satisfies Record<string, { currency: string; priceDecimals: number; language: string }>;

export type Region = keyof typeof REGIONS;
export const REGION_CODES = Object.keys(REGIONS) as [Region, ...Region[]];

export type HostName = 'global' | 'cn' | 'br';

/** API hosts; the legacy partner.test-stable host is deprecated and deliberately absent. */
export const API_HOSTS: Record<'live' | 'sandbox', Record<HostName, string>> = {
  live: {
    global: 'https://partner.shopeemobile.com',
    cn: 'https://openplatform.shopee.cn',
    br: 'https://openplatform.shopee.com.br',
  },
  sandbox: {
    global: 'https://openplatform.sandbox.test-stable.shopee.sg',
    cn: 'https://openplatform.sandbox.test-stable.shopee.cn',
    // No BR sandbox host is documented: the global sandbox serves every test partner.
    br: 'https://openplatform.sandbox.test-stable.shopee.sg',
  },
};

/** Console-style authorization pages (S5/S7). */
export const CONSOLE_AUTH_HOSTS: Record<'live' | 'sandbox', Record<HostName, string>> = {
  live: { global: 'https://open.shopee.com/auth', cn: 'https://open.shopee.cn/auth', br: 'https://open.shopee.com.br/auth' },
  sandbox: {
    global: 'https://open.sandbox.test-stable.shopee.com/auth',
    cn: 'https://open.sandbox.test-stable.shopee.cn/auth',
    br: 'https://open.sandbox.test-stable.shopee.com/auth',
  },
};

export function apiHost(host: HostName, sandbox: boolean): string {
  return API_HOSTS[sandbox ? 'sandbox' : 'live'][host];
}

export function regionOf(code: string): (typeof REGIONS)[Region] | undefined {
  return (REGIONS as Record<string, (typeof REGIONS)[Region]>)[code];
}
