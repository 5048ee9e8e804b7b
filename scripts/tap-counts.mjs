// Counts one TAP copy of a node:test run (tests/e2e/run.mjs writes them to .tmp/e2e-*.tap) for scripts/totals.mjs.
// node:test ends its TAP with "# pass N", "# fail N", "# cancelled N"…: a test that timed out, or one cut off by a
// failing hook or a file that stopped, is "cancelled", not "fail", and counts here as failed. The summary is the
// last such lines (a test's own console output also comes out as "# …" comments before it). A copy with no summary
// (the run was killed) counts its top-level results and one failure more for the run that never finished.

/** @param {string} tap @returns {{ passed: number, failed: number }} */
export function tapCounts(tap) {
  const last = (key) => {
    const all = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const pass = last('pass');
  const fail = last('fail');
  if (pass !== undefined && fail !== undefined) return { passed: pass, failed: fail + (last('cancelled') ?? 0) };
  const passed = (tap.match(/^ok \d+/gm) ?? []).length;
  const failed = (tap.match(/^not ok \d+/gm) ?? []).length;
  return { passed, failed: failed + 1 };
}
