export * from './cents';
export * from './allocate';
