import { describe, expect, it } from 'vitest';
import { durationUnits, wastes } from '@/lib/vsm/types';
import {
  unitAbbreviations,
  unitLabels,
  wasteDescriptions,
  wasteLabels,
  wasteLetters,
  wasteOptions,
} from '@/lib/labels';

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

describe('unit labels', () => {
  it('has a label and an abbreviation for every unit', () => {
    for (const unit of durationUnits) {
      expect(unitLabels[unit]).toMatch(/^[A-Z][a-z]+$/);
      expect(unitAbbreviations[unit]).toMatch(/^[a-z]+$/);
    }
  });
});
