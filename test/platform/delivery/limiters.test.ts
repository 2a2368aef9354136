import { AppRateLimiter } from '../../../src/platform/delivery/app-rate-limiter';
import { ConversationLimiter } from '../../../src/platform/delivery/conversation-limiter';
import { SendError } from '../../../src/platform/delivery/proactive-sender.port';
import { backoffMs, classify } from '../../../src/platform/delivery/send-policy';

describe('AppRateLimiter', () => {
  let now = 0;
  const make = () => new AppRateLimiter({ ratePerSecond: 10, burst: 2, now: () => now });
  beforeEach(() => (now = 0));

  it('hands out tokens at the configured rate after a small burst', () => {
    const limiter = make();
    expect(limiter.tryTake()).toBe(0);
    expect(limiter.tryTake()).toBeGreaterThan(0);
    let granted = 0;
    for (now = 0; now < 10_000; now += 1) if (limiter.tryTake() === 0) granted += 1;
    expect(granted).toBeGreaterThanOrEqual(99);
    expect(granted).toBeLessThanOrEqual(101);
  });

  it('after a 429 nobody gets a token until Retry-After has passed, and the rate halves', () => {
    const limiter = make();
    limiter.throttled(3_000);
    expect(limiter.tryTake()).toBe(3_000);
    now = 2_999;
    expect(limiter.tryTake()).toBeGreaterThan(0);
    expect(limiter.ratePerSecond).toBe(5);
    limiter.throttled(3_000);
    expect(limiter.ratePerSecond).toBe(5);
  });

  it('wins the rate back gradually while sends succeed', () => {
    const limiter = make();
    limiter.throttled(1_000);
    for (let i = 0; i < 20; i++) limiter.succeeded();
    expect(limiter.ratePerSecond).toBeGreaterThan(5);
    expect(limiter.ratePerSecond).toBeLessThan(10);
    for (let i = 0; i < 1_000; i++) limiter.succeeded();
    expect(limiter.ratePerSecond).toBe(10);
  });
});

describe('ConversationLimiter', () => {
  it('never allows more than max in any window, per conversation', () => {
    let now = 0;
    const limiter = new ConversationLimiter(
      [
        { max: 7, windowMs: 1_000 },
        { max: 60, windowMs: 30_000 },
      ],
      () => now,
      0,
    );
    const slots = Array.from({ length: 100 }, () => limiter.reserve('c1'));
    const inWindow = (w: number, from: number) => slots.filter((s) => s >= from && s < from + w).length;
    for (const s of slots) {
      expect(inWindow(1_000, s)).toBeLessThanOrEqual(7);
      expect(inWindow(30_000, s)).toBeLessThanOrEqual(60);
    }
    expect(slots.slice(0, 7)).toEqual(new Array(7).fill(0));
    expect(slots[60]).toBeGreaterThanOrEqual(30_000);
    expect(limiter.reserve('c2')).toBe(0);
    now = 100_000;
    expect(limiter.waitFor('c1')).toBe(0);
  });
});

describe('send policy', () => {
  it.each([
    [new SendError(429, 4_000, 'Throttled'), 'throttled'],
    [new SendError(403, undefined, 'BotNotInConversationRoster'), 'inactive'],
    [new SendError(404, undefined, 'ConversationNotFound'), 'inactive'],
    [new SendError(412, undefined, 'x'), 'retry'],
    [new SendError(500, undefined, 'x'), 'retry'],
    [new SendError(502, undefined, 'x'), 'retry'],
    [new SendError(503, undefined, 'x'), 'retry'],
    [new SendError(504, undefined, 'x'), 'retry'],
    [new SendError(undefined, undefined, 'ECONNRESET'), 'retry'],
    [new SendError(400, undefined, 'BadArgument'), 'failed'],
    [new SendError(413, undefined, 'x'), 'failed'],
  ])('%s → %s', (err, kind) => {
    expect(classify(err, 1_000).kind).toBe(kind);
  });

  it('uses Retry-After, or a default when Teams gives none', () => {
    expect(classify(new SendError(429, 4_000), 1_000)).toMatchObject({ retryAfterMs: 4_000 });
    expect(classify(new SendError(429), 1_000)).toMatchObject({ retryAfterMs: 1_000 });
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, 1_000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1_000, 60_000, () => 1)).toBe(1_000);
    expect(backoffMs(4, 1_000, 60_000, () => 1)).toBe(8_000);
    expect(backoffMs(20, 1_000, 60_000, () => 1)).toBe(60_000);
  });
});
