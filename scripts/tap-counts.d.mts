/** Passed and failed counts of one node:test TAP copy; a cancelled test counts as failed (see tap-counts.mjs). */
export function tapCounts(tap: string): { passed: number; failed: number };
