import { ValidationError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { carrierKey, unifiedCarrier } from '../../src/model/carriers.js';
import type { AdapterContext } from './context.js';
import { sellerOps } from './operations.js';

/** One declarable service of `aliexpress.logistics.redefining.listlogisticsservice` (research B4 Fulfilment). */
export interface LogisticsService {
  serviceName: string;
  displayName?: string;
  company?: string;
}

/** How one package is declared: a listed service, or `other` with the carrier's tracking website. */
export interface Declared {
  serviceName: string;
  trackingWebsite?: string;
  /** The unified carrier code (src/model/carriers.ts) or the caller's text when outside it. */
  code: string;
}

/**
 * `service_name` "other" (or a listed OTHER_* key) is how a carrier outside AliExpress's list is
 * declared, and then `tracking_website` must be given: "When serviceName=other, fill in the
 * corresponding tracking website" (specs/aliexpress/aliexpress_solution_order_fulfill.json#tracking_website).
 */
export const isOther = (serviceName: string) => /^other(_|$)/i.test(serviceName);

/**
 * Maps what the caller wrote as carrier to a `service_name`: a key of the seller's service list as
 * is; else a unified carrier (src/model/carriers.ts) matched against the list's keys, display names
 * and companies; else `other` with the tracking website configured for that carrier
 * (`carrierTrackingWebsites`), which the gateway requires for such declarations.
 */
export class CarrierResolver {
  private services?: Promise<LogisticsService[]>;

  constructor(private readonly ctx: AdapterContext) {}

  /** The seller's declarable services, read once per adapter instance. */
  list(opts?: CallOptions): Promise<LogisticsService[]> {
    this.services ??= this.fetch(opts).catch((e: unknown) => {
      this.services = undefined;
      throw e;
    });
    return this.services;
  }

  async resolve(carrier: string, path: string, opts?: CallOptions): Promise<Declared> {
    const websites = this.ctx.config.carrierTrackingWebsites;
    const own = (k: string) => (Object.hasOwn(websites, k) ? websites[k] : undefined);
    const site = (code: string) => own(carrier) ?? own(code) ?? Object.entries(websites).find(([k]) => carrierKey(k) === carrierKey(carrier))?.[1];
    const unified = unifiedCarrier(carrier);
    if (isOther(carrier)) return this.other(carrier, carrier, site(carrier), path);
    const services = await this.list(opts);
    const exact = services.find((s) => s.serviceName === carrier);
    if (exact) return { serviceName: exact.serviceName, code: unified ?? carrier };
    const key = carrierKey(carrier);
    const match = services.find((s) => [s.serviceName, s.displayName, s.company].some((x) => x !== undefined && (carrierKey(x) === key || (unified !== undefined && unifiedCarrier(x) === unified))));
    if (match) return { serviceName: match.serviceName, code: unified ?? carrier };
    return this.other('other', unified ?? carrier, site(unified ?? carrier), path);
  }

  private other(serviceName: string, code: string, trackingWebsite: string | undefined, path: string): Declared {
    if (!trackingWebsite) {
      throw new ValidationError({
        message: `carrier ${code} is not among the seller's AliExpress logistics services: it is declared as "other", which needs its tracking website (config.carrierTrackingWebsites["${code}"])`,
        path,
      });
    }
    return { serviceName, trackingWebsite, code };
  }

  private async fetch(opts?: CallOptions): Promise<LogisticsService[]> {
    const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.logisticsServices, { body: {} }, opts);
    const list = res.data.result_list ?? res.data.result?.result_list ?? [];
    return list.flatMap((x) => {
      const r = x as { service_name?: unknown; display_name?: unknown; logistics_company?: unknown };
      return typeof r.service_name === 'string' && r.service_name
        ? [{ serviceName: r.service_name, displayName: typeof r.display_name === 'string' ? r.display_name : undefined, company: typeof r.logistics_company === 'string' ? r.logistics_company : undefined }]
        : [];
    });
  }
}
