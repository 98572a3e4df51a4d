import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prepareShipment, rateCard, type RateCardInput, type ShipmentRequest } from '../../../src/shipping/index.js';

/** A one-service CNY card in kg/cm, actual weight only, 1 g rounding, US zone: tests override what they test. */
export function card(service: Record<string, unknown>, extra: Record<string, unknown> = {}): RateCardInput {
  return {
    format: 'xborder.rate-card/v1',
    carrier: 'test-line',
    currency: 'CNY',
    weightUnit: 'kg',
    dimensionUnit: 'cm',
    volumetric: null,
    weightRounding: { increment: '0.001' },
    zones: [{ id: 'US', countries: ['US'] }],
    ...extra,
    services: [{ code: 'S1', name: 'Test line', ...service }],
  } as RateCardInput;
}

/** A tariff for general cargo (DAP) with the given pricing. */
export const general = (pricing: Record<string, unknown>) => [{ cargoClasses: ['general'], pricing }];

export function request(over: Partial<ShipmentRequest> = {}): ShipmentRequest {
  return {
    from: { country: 'CN', postalCode: '518000', city: 'Shenzhen' },
    to: { country: 'US', postalCode: '10001', city: 'New York' },
    parcels: [{ weight: { value: 1, unit: 'kg' } }],
    shipDate: '2026-11-23',
    ...over,
  };
}

/** Quotes one card directly (engine only, no fan-out). */
export function quoteWith(cardJson: RateCardInput, over: Partial<ShipmentRequest> = {}) {
  return rateCard(cardJson).quote(prepareShipment(request(over)));
}

export function fixture<T = unknown>(name: string): T {
  const path = fileURLToPath(new URL(`../../fixtures/shipping/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const kg = (value: number) => ({ weight: { value, unit: 'kg' as const } });
export const box = (value: number, l: number, w: number, h: number) => ({
  weight: { value, unit: 'kg' as const },
  dimensions: { length: l, width: w, height: h, unit: 'cm' as const },
});
