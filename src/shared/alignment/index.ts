// Span alignment, one home for review (units to adjudicate) and agreement (units to count).
export { intersectionOverUnion, overlapLength, sameBounds, type AlignableSpan } from './spans'
export { matchSpans, pairAllowed, type MatchRule, type SpanMatch } from './match-spans'
export { alignUnitMembers, alignUnits, type AlignedUnit, type AnnotatorSpans, type UnitMembers, type UnitState } from './units'
export { overlapClusters, type Interval } from './clusters'
export { optimalPairs, type PairScore } from './assignment'
