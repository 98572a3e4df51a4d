import type { RatePlan } from '../../src/http/rate-plan.js';

/**
 * Default usage plans, copied from the "Usage Plan" table in each operation's description in the
 * official models (listingsItems_2021-08-01, feeds_2021-06-30, orders_2026-01-01, ordersV0).
 * The op table and the sandbox both read this one object, so they can never disagree.
 */
export const USAGE_PLANS = {
  getListingsItem: { perSecond: 5, burst: 10 },
  putListingsItem: { perSecond: 5, burst: 10 },
  patchListingsItem: { perSecond: 5, burst: 5 },
  deleteListingsItem: { perSecond: 5, burst: 5 },
  searchListingsItems: { perSecond: 5, burst: 5 },
  createFeedDocument: { perSecond: 0.5, burst: 15 },
  createFeed: { perSecond: 0.0083, burst: 15 },
  getFeed: { perSecond: 2, burst: 15 },
  getFeeds: { perSecond: 0.0222, burst: 10 },
  cancelFeed: { perSecond: 2, burst: 15 },
  getFeedDocument: { perSecond: 0.0222, burst: 10 },
  // reports_2021-06-30.json usage plans.
  createReport: { perSecond: 0.0167, burst: 15 },
  getReport: { perSecond: 2, burst: 15 },
  getReportDocument: { perSecond: 0.0167, burst: 15 },
  searchOrders: { perSecond: 0.0056, burst: 20 },
  getOrder: { perSecond: 0.5, burst: 30 },
  confirmShipment: { perSecond: 2, burst: 10 },
  // definitionsProductTypes_2020-09-01.json: both operations' Usage Plan tables say rate 5, burst 10.
  getDefinitionsProductType: { perSecond: 5, burst: 10 },
  searchDefinitionsProductTypes: { perSecond: 5, burst: 10 },
  // notifications.json: every operation's Usage Plan table says rate 1, burst 5.
  getDestinations: { perSecond: 1, burst: 5 },
  createDestination: { perSecond: 1, burst: 5 },
  getDestination: { perSecond: 1, burst: 5 },
  deleteDestination: { perSecond: 1, burst: 5 },
  getSubscription: { perSecond: 1, burst: 5 },
  createSubscription: { perSecond: 1, burst: 5 },
  getSubscriptionById: { perSecond: 1, burst: 5 },
  deleteSubscriptionById: { perSecond: 1, burst: 5 },
} as const satisfies Record<string, RatePlan>;

export type AmazonOperationId = keyof typeof USAGE_PLANS;
