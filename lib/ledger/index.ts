/** The ledger: balances, aging, collection metrics, limitation deadlines, per-customer summaries. Pure functions. */
export * from './dates';
export * from './money';
export * from './allocate';
export * from './aging';
export * from './metrics';
export * from './limitation';
export * from './summary';
export * from './retention';
