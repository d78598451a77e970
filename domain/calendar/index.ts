export * from './holidays';
export * from './schoolvakanties';
