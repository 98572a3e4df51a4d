/** The embedded sandbox framework; marketplace modules come from each adapter subpath. */
export { startSandbox, type SandboxOptions, type RunningSandbox } from './server.js';
export { Router, type SandboxRequest, type SandboxResponse, type Handler } from './router.js';
export type { SandboxModule, SandboxContext } from './module.js';
export { Faults, type FaultPlan, type FaultDecision } from './faults.js';
export { SandboxLimits } from './limits.js';
export { ManualClock, realClock, marketplaceClock, type SandboxClock, type MarketplaceClock } from './clock.js';
export type { SandboxBuyer, BuyerOrderInput, BuyerOrderResult } from './buyer.js';
export { seededRandom } from './random.js';
export { ecbSandbox, DEMO_EUR_RATES, type EcbFeedState } from './modules/ecb.js';
export {
  startDemoSandbox, DEMO_RATES, DEMO_TIME_SCALE, MARKETPLACE_NAMES, availableMarketplaces, loadMarketplace, resolveSandboxOptions,
  type DemoSandbox, type DemoSandboxOptions, type DemoBuyer, type DemoStoresFile, type DemoAccount, type MarketplaceModule, type MarketplaceName,
} from './demo/index.js';
