export * from './holidays';
export * from './schoolvakanties';
export * from './regions';
export * from './closedDays';
