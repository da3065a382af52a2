import { describe, expect, it } from 'vitest';
import { labelledValues } from '../../../shared/labelledValues';
import { LEAVER_REASONS, LEAVER_REASON_LABELS } from '../../../shared/schema/retention';
import { ROLE_LADDER, ROLE_LABELS } from '../../../shared/labels';

describe('labelledValues', () => {
  it('lists the values in the order of the table and keeps each label', () => {
    const { values, labels } = labelledValues({ b: 'Bee', a: 'Ay', c: 'Sea' });
    expect(values).toEqual(['b', 'a', 'c']);
    expect(labels.a).toBe('Ay');
  });

  it('gives the domain lists in their written order with a label for each value', () => {
    expect(ROLE_LADDER[0]).toBe('nqsw');
    expect(ROLE_LADDER.at(-1)).toBe('iro');
    expect(LEAVER_REASONS.at(-1)).toBe('other');
    for (const role of ROLE_LADDER) expect(ROLE_LABELS[role]).toBeTruthy();
    expect(Object.keys(LEAVER_REASON_LABELS)).toEqual([...LEAVER_REASONS]);
  });
});
