import { NotSupportedError } from '../../../src/errors/classes.js';
import type { ReturnsCapabilities, ReturnsService } from '../../../src/returns/types.js';

/**
 * What the AliExpress Open Platform lets a seller do with returns: nothing the unified surface
 * needs. The only return (RMA) APIs in specs/aliexpress/ are the four
 * aliexpress.solution.issue.partner.rma.* calls, and each is described as a feed *from after-sales
 * partners* to AliExpress:
 * - rma.screening.create: "Receives information about screening results from after sales partners"
 *   (specs/aliexpress/aliexpress_solution_issue_partner_rma_screening_create.json `description`);
 * - rma.state.update: "Receive changes in state updates for RMAs orders from after sales partners"
 *   (…_rma_state_update.json);
 * - rma.reverselogistic.trackinginfo.create / reverselogistic.state.update: reverse-logistics
 *   tracking reported by the partner carrying the parcel (…_reverselogistic_*.json).
 * None lists or reads a return, approves, rejects or refunds one; there is no seller-side
 * return or refund call in the spec set. So every operation is refused with NotSupportedError
 * naming that reason, and `capabilities.returns` says the same.
 */
export const ALIEXPRESS_RETURNS_CAPABILITIES: ReturnsCapabilities = {
  list: false, approve: false, reject: false, partialRefundOffer: false, refundByLines: false, refundByAmount: false,
  refundWithoutReturn: false, markReceived: false, cancellationRequests: { list: false, accept: false, reject: false },
  stablePaging: false,
};

const WHY =
  'AliExpress has no seller API to list, read or answer returns: its only RMA calls (aliexpress.solution.issue.partner.rma.*) are for after-sales partners to report screening, RMA state and reverse-logistics tracking to AliExpress';

function refuse(what: string): never {
  throw new NotSupportedError({ message: `AliExpress returns.${what} is not supported: ${WHY}`, marketplace: 'aliexpress' });
}

/** The returns service of the AliExpress adapter: every call refuses, with the reason (see above). */
export function aliexpressReturnsService(): ReturnsService {
  return {
    // list is synchronous in the contract (it returns a Paginated): it throws at once.
    list: () => refuse('list'),
    get: async () => refuse('get'),
    approve: async () => refuse('approve'),
    reject: async () => refuse('reject'),
    refund: async () => refuse('refund'),
  };
}
