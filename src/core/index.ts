export * from './types.ts';
export * from './diagnostics.ts';
export * from './hash.ts';
export * from './collections.ts';
