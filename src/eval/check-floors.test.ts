import { describe, expect, it } from 'vitest';
import { checkFloors } from './check-floors.js';
import { summarize } from './metrics.js';

const metrics = { ...summarize([]), factAccuracy: 0.8, abstentionF1: 0.6 };

describe('checkFloors', () => {
  it('passes when every floor is met or none is set', () => {
    expect(checkFloors(metrics, { minFactAccuracy: 0.8, minAbstention: 0.5 })).toEqual([]);
    expect(checkFloors(metrics, {})).toEqual([]);
  });

  it('names each metric below its floor', () => {
    expect(checkFloors(metrics, { minFactAccuracy: 0.9, minAbstention: 0.7 })).toEqual([
      'key-fact accuracy 0.800 is below the floor 0.9',
      'abstention F1 0.600 is below the floor 0.7',
    ]);
  });

  it('fails a floor whose metric is undefined for the set', () => {
    expect(checkFloors({ ...metrics, abstentionF1: null }, { minAbstention: 0.5 })).toEqual([
      'abstention F1 is undefined for this set (no questions of that kind), floor 0.5',
    ]);
  });
});
