import { describe, expect, it } from 'vitest';
import { decodeClocks, encodeClocks } from '../../worker/src/db/clocks';

/** worker/src/db/clocks.ts: one clock stored once when it is every field's, and read back exactly as it was. */
const h1 = '1767600000000:000001:c1';
const h2 = '1767600000001:000000:c2';

/** The clocks as they come back from D1: JSON text of the stored form, parsed, then decoded. */
const roundTrip = (clocks: Record<string, string>, data: Record<string, unknown>) => decodeClocks(JSON.parse(JSON.stringify(encodeClocks(clocks, data))), data);

describe('stored clocks', () => {
  it('stores a creation’s one clock once, and gives it back on every field in the data’s order', () => {
    const data = { id: 'a', vacancyId: 'v', name: 'N', source: 'community_care' };
    const clocks = { vacancyId: h1, name: h1, source: h1 };
    expect(encodeClocks(clocks, data)).toBe(h1);
    const back = roundTrip(clocks, data);
    expect(back).toEqual(clocks);
    expect(Object.keys(back)).toEqual(['vacancyId', 'name', 'source']);
  });

  it('keeps the object whenever one clock would not say the same', () => {
    const data = { id: 'a', name: 'N', phone: 'p' };
    const cases: Record<string, string>[] = [
      { name: h1, phone: h2 }, // an edit since
      { name: h1 }, // a field without a clock
      { name: h1, phone: h1, _deleted: h1 }, // a clock without a field (a tombstone's)
      { phone: h1, name: h1 }, // another order
      {}, // nothing written yet
    ];
    for (const clocks of cases) {
      expect(encodeClocks(clocks, data)).toBe(clocks);
      const back = roundTrip(clocks, data);
      expect(back).toEqual(clocks);
      expect(Object.keys(back)).toEqual(Object.keys(clocks));
    }
  });

  it('reads clocks stored field by field, as every row written before this form was', () => {
    const data = { id: 'a', name: 'N', phone: 'p' };
    expect(decodeClocks({ name: h1, phone: h1 }, data)).toEqual({ name: h1, phone: h1 });
  });

  it('round-trips whatever the fields and clocks', () => {
    const names = ['id', 'name', 'phone', 'erased', 'stage', 'at', '__proto__', 'constructor'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 500; i++) {
      const data: Record<string, unknown> = {};
      const clocks: Record<string, string> = {};
      for (const k of names) if (rnd(3)) Object.defineProperty(data, k, { value: rnd(5), enumerable: true, configurable: true, writable: true });
      for (const k of Object.keys(data)) if (k !== 'id' && rnd(6)) Object.defineProperty(clocks, k, { value: rnd(4) ? h1 : h2, enumerable: true, configurable: true, writable: true });
      if (!rnd(8)) clocks._deleted = h1;
      const back = roundTrip(clocks, data);
      expect(back).toEqual(clocks);
      expect(Object.keys(back)).toEqual(Object.keys(clocks));
    }
  });
});
