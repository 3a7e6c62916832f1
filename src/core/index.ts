/** The data core: pure TypeScript, no Astro. Pages, scripts and tests import from here. */
export * from './generated-bulletins.ts';
export * from './calendar.ts';
export * from './csv.ts';
export * from './identity.ts';
export * from './issues.ts';
export * from './load.ts';
export * from './naming.ts';
export * from './paths.ts';
export * from './random.ts';
export type * from './model.ts';
export * from './schema.ts';
export * from './stats.ts';
export * from './status.ts';
