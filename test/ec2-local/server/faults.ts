/** Fault injection per server instance: seeded error rates, failing first attempts, resets (contract §6.6). */
import { createHash } from 'node:crypto';
import { Ec2Error } from './errors.js';
import type { FaultCode, FaultOptions } from './options.js';

/** What to do with a request before handling it. */
export type FaultDecision = { kind: 'none' } | { kind: 'reset' } | { kind: 'error'; error: Ec2Error };

/** mulberry32: a small deterministic RNG so fault sequences repeat for a seed. */
export function seededRandom(seed: number | string): () => number {
  let a = createHash('sha256').update(String(seed)).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The error EC2 sends for each injectable code (contract §3.3). */
export function faultError(code: FaultCode): Ec2Error {
  switch (code) {
    case 'RequestLimitExceeded': return new Ec2Error(code, 'Request limit exceeded.', 503);
    case 'Unavailable': return new Ec2Error(code, 'The server is overloaded and cannot handle the request.', 503);
    default: return new Ec2Error('InternalError', 'An internal error has occurred', 500);
  }
}

/** Holds the current fault settings and the RNG; `setFaults` replaces both. */
export class FaultInjector {
  private faults: FaultOptions = {};
  private random: () => number = seededRandom(1);
  /** One injector (own settings, own RNG) per region named in `faults.regions`. */
  private perRegion = new Map<string, FaultInjector>();

  constructor(faults: FaultOptions = {}) {
    this.set(faults);
  }

  /** Replace the fault settings (and restart the RNG from their seed). */
  set(faults: FaultOptions): void {
    this.faults = { ...faults };
    this.random = seededRandom(faults.seed ?? 1);
    this.perRegion = new Map(Object.entries(faults.regions ?? {}).map(([r, f]) => [r, new FaultInjector(f)]));
  }

  /** The current settings. */
  get current(): Readonly<FaultOptions> {
    return this.faults;
  }

  /** Decide the fault (if any) for one attempt of `action`, signed for `region` (its own settings if it has some). */
  decide(action: string, attempt: number, region?: string): FaultDecision {
    const own = region !== undefined ? this.perRegion.get(region) : undefined;
    if (own !== undefined) return own.decide(action, attempt);
    const f = this.faults;
    if (f.actions !== undefined && !f.actions.includes(action)) return { kind: 'none' };
    if (f.failFirstAttempts !== undefined && attempt <= f.failFirstAttempts.count) {
      const code = f.failFirstAttempts.code ?? 'RequestLimitExceeded';
      return code === 'reset' ? { kind: 'reset' } : { kind: 'error', error: faultError(code) };
    }
    if (f.resetRate !== undefined && f.resetRate > 0 && this.random() < f.resetRate) return { kind: 'reset' };
    if (f.throttleRate !== undefined && f.throttleRate > 0 && this.random() < f.throttleRate) {
      return { kind: 'error', error: faultError('RequestLimitExceeded') };
    }
    if (f.internalErrorRate !== undefined && f.internalErrorRate > 0 && this.random() < f.internalErrorRate) {
      return { kind: 'error', error: faultError('InternalError') };
    }
    return { kind: 'none' };
  }
}
