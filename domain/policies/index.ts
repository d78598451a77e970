export * from './types';
export * from './presets';
export * from './classify';
export * from './build';
