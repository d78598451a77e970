export * from './registry';
export { GEMEENTEN_2025, MUNICIPALITIES_REFERENCE_DATE, MUNICIPALITIES_SOURCE } from './gemeenten-2025-01-01';
