export * from './types.js';
export * from './schemas.js';
export { checkRefund, paidForLine, type RefundCheckInput, type ResolvedRefund } from './refund-cap.js';
export { journaledAction, hasOpenIntent, type JournaledActionSpec, type ReadBack, type Outcome } from './journaled-action.js';
export { returnListWindow, type ReturnListWindow } from './list-window.js';
