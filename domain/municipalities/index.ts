export * from './registry';
export { GEMEENTEN_2025, MUNICIPALITIES_COMPLETE_UNTIL, MUNICIPALITIES_REFERENCE_DATE, MUNICIPALITIES_SOURCE } from './gemeenten-2025-01-01';
export { FORMER_MUNICIPALITIES, FORMER_MUNICIPALITIES_FROM, FORMER_MUNICIPALITIES_SOURCE, type FormerFate, type FormerMunicipalityRow } from './former-municipalities';
export * from './list';
