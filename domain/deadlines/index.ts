export * from './clock';
export * from './cases';
export * from './kpis';
export * from './alertMemory';
export * from './messages';
export * from '../primitives/dateCache';
export * from './grouping';
export * from './fieldNames';
