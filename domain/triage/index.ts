export * from './types';
export * from './parse';
export * from './rules';
export * from './decide';
export * from './decisionCache';
export * from './text';
export * from './recipients';
export * from './columns';
