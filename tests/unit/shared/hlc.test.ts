import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampHlc, formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '#shared/hlc';

describe('hybrid logical clock', () => {
  it('orders as strings the way it orders as clocks', () => {
    fc.assert(
      fc.property(fc.nat({ max: 4e12 }), fc.nat({ max: 999 }), fc.nat({ max: 4e12 }), fc.nat({ max: 999 }), (w1, c1, w2, c2) => {
        const a = formatHlc({ wall: w1, counter: c1, node: 'a' });
        const b = formatHlc({ wall: w2, counter: c2, node: 'a' });
        const byClock = w1 === w2 ? Math.sign(c1 - c2) : Math.sign(w1 - w2);
        expect(Math.sign(a.localeCompare(b))).toBe(byClock);
      }),
    );
  });

  it('never goes backwards when the wall clock steps back, and stays ahead of received clocks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1e12, max: 2e12 }), fc.boolean(), fc.integer({ min: 1e12, max: 2e12 })), { maxLength: 50 }), (steps) => {
        let h: Hlc = { wall: 0, counter: 0, node: 'n1' };
        for (const [now, remote, rwall] of steps) {
          const prev = formatHlc(h);
          const r: Hlc = { wall: rwall, counter: 3, node: 'n2' };
          h = remote ? receiveHlc(h, r, now) : tickHlc(h, now);
          expect(formatHlc(h) > prev).toBe(true);
          if (remote) expect(formatHlc(h) > formatHlc({ ...r, node: 'n1' })).toBe(true);
        }
      }),
    );
  });

  it('round-trips and clamps clocks that run ahead of the server', () => {
    const s = formatHlc({ wall: 1767225600000, counter: 7, node: 'client-1' });
    expect(parseHlc(s)).toEqual({ wall: 1767225600000, counter: 7, node: 'client-1' });
    expect(clampHlc(s, 1767225600000 - 3_600_000)).toBe(formatHlc({ wall: 1767225600000 - 3_600_000 + 60_000, counter: 7, node: 'client-1' }));
    expect(clampHlc(s, 1767225600000)).toBe(s);
  });
});
