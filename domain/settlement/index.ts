export * from './types';
export * from './period';
export * from '../primitives/pseudonym';
export * from './records';
export * from './calculate';
export * from './reconcile';
export * from './text';
