/**
 * When to ask again. The decision is a pure function of what the last answers said, and the
 * scheduler runs on an injected clock, so tests step through minutes of polling without sleeping.
 */
import type { Clock } from './http';

export const POLL_INTERVALS = {
  /** A run is queued or running: watch it closely. */
  active: 5_000,
  /** The same, without credentials (GitHub allows 60 requests an hour). */
  activeUnauthenticated: 60_000,
  /** Nothing running: start here and double on every poll that finds nothing running… */
  idleStart: 30_000,
  /** …up to this. */
  idleMax: 300_000,
  /** Failures back off from here, doubling, up to idleMax. */
  errorStart: 10_000,
} as const;

export interface PollFacts {
  now: number;
  anyActive: boolean;
  authenticated: boolean;
  /** Polls in a row that found nothing running. */
  idlePolls: number;
  /** Polls in a row that failed. */
  failedPolls: number;
  /** A rate-limit answer said to wait until this epoch ms. */
  rateLimitedUntil?: number;
}

/** Milliseconds until the next poll. */
export function nextPollDelay(facts: PollFacts): number {
  if (facts.rateLimitedUntil !== undefined && facts.rateLimitedUntil > facts.now)
    // A second past the reset, so that the first request of the new window is not itself refused.
    return facts.rateLimitedUntil - facts.now + 1_000;
  if (facts.failedPolls > 0)
    return Math.min(POLL_INTERVALS.errorStart * 2 ** (facts.failedPolls - 1), POLL_INTERVALS.idleMax);
  if (facts.anyActive) return facts.authenticated ? POLL_INTERVALS.active : POLL_INTERVALS.activeUnauthenticated;
  return Math.min(POLL_INTERVALS.idleStart * 2 ** Math.max(0, facts.idlePolls - 1), POLL_INTERVALS.idleMax);
}

/**
 * Runs `poll(key)` for each registered key at the delay `delayFor(key)` gives after each poll.
 * Paused while the window is unfocused; on focus every key is polled at once. `pollNow` (a branch
 * switch, a push, an action from the view) polls immediately; polls of one key never overlap.
 */
export class PollScheduler {
  private readonly timers = new Map<string, unknown>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly keys = new Set<string>();
  private focused = true;
  private disposed = false;

  constructor(
    private readonly clock: Clock,
    private readonly poll: (key: string) => Promise<void>,
    private readonly delayFor: (key: string) => number,
  ) {}

  /** Start polling `key` now. */
  add(key: string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    void this.pollNow(key);
  }

  remove(key: string): void {
    this.keys.delete(key);
    this.clear(key);
  }

  get paused(): boolean {
    return !this.focused;
  }

  /** The time of the next scheduled poll of each key (for tests and the debug log). */
  scheduled(): string[] {
    return [...this.timers.keys()];
  }

  setFocused(focused: boolean): void {
    if (focused === this.focused) return;
    this.focused = focused;
    if (!focused) for (const key of this.keys) this.clear(key);
    else for (const key of this.keys) void this.pollNow(key);
  }

  /** Poll now (or right after the poll in flight), then go back to the adaptive rhythm. */
  pollNow(key: string): Promise<void> {
    if (!this.keys.has(key) || this.disposed) return Promise.resolve();
    const inFlight = this.running.get(key);
    if (inFlight) {
      this.again.add(key);
      return inFlight;
    }
    this.clear(key);
    const run = (async () => {
      try {
        await this.poll(key);
      } catch {
        // poll() records its own failures; a throw here must not stop the rhythm.
      } finally {
        this.running.delete(key);
      }
      if (this.again.delete(key)) return this.pollNow(key);
      this.schedule(key);
    })();
    this.running.set(key, run);
    return run;
  }

  /** Resolves when no poll is in flight (tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  private schedule(key: string): void {
    if (!this.focused || this.disposed || !this.keys.has(key)) return;
    const delay = this.delayFor(key);
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        void this.pollNow(key);
      }, delay),
    );
  }

  private clear(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.timers.keys()]) this.clear(key);
    this.keys.clear();
  }
}
