/** Import, export and backup. `ics.ts` (calendar export) lives here too but is imported directly. */
export * from './errors';
export * from './values';
export * from './decode';
export * from './presets';
export * from './parse';
export * from './plan';
export * from './export';
export * from './backup';
export * from './storeCheck';
export * from './limits';
export * from './report';
export { sniffForeign, type FileKind } from './grid';
