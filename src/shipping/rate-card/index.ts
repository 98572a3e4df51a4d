import { parseInput } from '../../errors/from-response.js';
import type { ShippingConnector } from '../connector.js';
import type { PreparedShipment } from '../request.js';
import type { CardQuotes } from '../types.js';
import { compileCard } from './compile.js';
import { quoteCard } from './engine.js';
import { RateCardSchema, type RateCardInput, type RateCardJson } from './schema.js';

export interface RateCardConnector extends ShippingConnector {
  readonly source: 'rate-card';
  /** The validated card (defaults filled in). */
  readonly card: RateCardJson;
  quote(shipment: PreparedShipment): CardQuotes;
}

/**
 * Loads a rate card (JSON object, e.g. `JSON.parse` of the sheet a forwarder sends) into a
 * connector. Throws ValidationError naming the offending field, e.g.
 * `services[0].tariffs[1].pricing.zones.US.bands[2].upTo`.
 */
export function rateCard(json: RateCardInput | unknown): RateCardConnector {
  const card = parseInput(RateCardSchema, json);
  const compiled = compileCard(card);
  return {
    carrier: card.carrier,
    source: 'rate-card',
    card,
    quote: (shipment: PreparedShipment) => quoteCard(compiled, shipment),
  };
}

export { RateCardSchema, type RateCardInput, type RateCardJson } from './schema.js';
