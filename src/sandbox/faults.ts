import { seededRandom } from './random.js';

/** Faults injected from a seeded PRNG; each rate is a probability per request (0..1). */
export interface FaultPlan {
  seed?: number;
  latencyMs?: number | [number, number];
  rate429?: number;
  rate5xx?: number;
  /** Connection reset before the handler runs (nothing happened server-side). */
  resetBeforeRate?: number;
  /** Connection reset after the handler ran (the write happened; the client cannot tell). */
  resetAfterRate?: number;
  /** Access tokens expire early with this probability per authenticated request. */
  tokenExpiryRate?: number;
  /** Only requests whose "METHOD path" matches are affected. */
  match?: RegExp;
  /** Stop injecting after this many faults (deterministic scenarios: "first call fails"). */
  maxFaults?: number;
}

export type FaultDecision = 'reset-before' | 'reset-after' | '429' | '5xx' | undefined;

export class Faults {
  private random: () => number;
  private injected = 0;
  constructor(private plan: FaultPlan = {}) {
    this.random = seededRandom(plan.seed ?? 1);
  }

  /** Replace the plan at run time (tests switch faults on and off). */
  set(plan: FaultPlan): void {
    this.plan = plan;
    this.random = seededRandom(plan.seed ?? 1);
    this.injected = 0;
  }

  latency(): number {
    const l = this.plan.latencyMs;
    if (l === undefined) return 0;
    return typeof l === 'number' ? l : l[0] + Math.floor(this.random() * (l[1] - l[0]));
  }

  decide(method: string, path: string): FaultDecision {
    if (this.plan.match && !this.plan.match.test(`${method} ${path}`)) return undefined;
    if (this.plan.maxFaults !== undefined && this.injected >= this.plan.maxFaults) return undefined;
    const pick = (rate: number | undefined, d: FaultDecision): FaultDecision => (rate && this.random() < rate ? d : undefined);
    const d = pick(this.plan.resetBeforeRate, 'reset-before') ?? pick(this.plan.rate429, '429') ?? pick(this.plan.rate5xx, '5xx') ?? pick(this.plan.resetAfterRate, 'reset-after');
    if (d) this.injected++;
    return d;
  }

  tokenExpired(): boolean {
    const r = this.plan.tokenExpiryRate;
    return !!r && this.random() < r;
  }
}
