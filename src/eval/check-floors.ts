// CI floors on the project's overall scores: key-fact accuracy, and abstention measured as F1 of its precision and recall.
import type { SliceMetrics } from './metrics.js';

export interface Floors {
  minFactAccuracy?: number;
  /** Compared with abstention F1, so neither abstaining on everything nor never abstaining passes. */
  minAbstention?: number;
}

/** Messages for every floor the metrics fall below (empty when all pass); a floor whose metric is undefined fails too. */
export function checkFloors(metrics: SliceMetrics, floors: Floors): string[] {
  const problems: string[] = [];
  const check = (name: string, value: number | null, floor: number | undefined) => {
    if (floor === undefined) return;
    if (value === null) problems.push(`${name} is undefined for this set (no questions of that kind), floor ${floor}`);
    else if (value < floor) problems.push(`${name} ${value.toFixed(3)} is below the floor ${floor}`);
  };
  check('key-fact accuracy', metrics.factAccuracy, floors.minFactAccuracy);
  check('abstention F1', metrics.abstentionF1, floors.minAbstention);
  return problems;
}
