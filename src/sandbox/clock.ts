/** The sandbox's notion of now; injectable so tests can move time (token expiry, lag windows). */
export interface SandboxClock {
  now(): number;
}

export class ManualClock implements SandboxClock {
  constructor(private t: number = Date.now()) {}
  now() {
    return this.t;
  }
  advance(ms: number) {
    this.t += ms;
  }
  set(t: number) {
    this.t = t;
  }
}

export const realClock: SandboxClock = { now: () => Date.now() };
