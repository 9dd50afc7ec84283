// Review: the gold model, units to adjudicate, decisions, merge strategies and feedback. Pure and
// renderer-safe (no zod, no Node): the Review view and the backend use the same functions.
export * from './gold'
export * from './units'
export * from './decisions'
export * from './merge'
export * from './feedback'
export * from './document-agreement'
