export * from './types';
export * from './period';
export * from '../pseudonym';
export * from './records';
export * from './calculate';
export * from './reconcile';
export * from './text';
export * from './columns';
