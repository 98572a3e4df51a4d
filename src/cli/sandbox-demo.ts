/** The demo sandbox moved to the public `xborder/sandbox` entry (src/sandbox/demo); kept for in-repo callers. */
export { startDemoSandbox, DEMO_RATES, type DemoSandbox, type DemoSandboxOptions, type DemoAccount } from '../sandbox/demo/index.js';
