import { describe, expect, it } from 'vitest';
import { wasteDescriptions, wasteLabels, wasteLetters, wasteOptions, wastes } from '@/lib/vsm';

describe('waste labels', () => {
  it('spells DOWNTIME in the order of the wastes', () => {
    expect(wastes.map((w) => wasteLetters[w]).join('')).toBe('DOWNTIME');
  });

  it('names the eight wastes', () => {
    expect(wastes.map((w) => wasteLabels[w])).toEqual([
      'Defects',
      'Overproduction',
      'Waiting',
      'Non-utilized talent',
      'Transportation',
      'Inventory',
      'Motion',
      'Extra-processing',
    ]);
  });

  it('describes each waste in one sentence, and each label starts with its letter', () => {
    for (const w of wastes) {
      expect(wasteDescriptions[w]).toMatch(/^[A-Z][^\n]+\.$/);
      expect(wasteLabels[w].startsWith(wasteLetters[w])).toBe(true);
    }
    expect(wasteOptions.map((o) => o.value)).toEqual([...wastes]);
  });
});
