export * from './types';
export * from './parse';
export * from './rules';
export * from './decide';
