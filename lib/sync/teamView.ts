/**
 * The manager's view, from the summaries this browser holds (every write keeps them true): per salesperson, what
 * was collected this month against their target, promises kept and broken, what they own that is overdue, and
 * how many customers. A customer belongs to the salesperson its `owner` names (their user or display name).
 */
import type { CustomerSummary } from '../domain';
import type { Team, TeamMember } from './team';

export interface MemberFigures {
  member: TeamMember;
  customers: number;
  /** currency → minor units collected in the month of `asOf`. */
  collected: Record<string, number>;
  target?: { minor: number; currency: string; collected: number; ratio: number };
  kept: number;
  broken: number;
  pending: number;
  /** currency → minor units open and past due on `asOf`. */
  overdue: Record<string, number>;
}

export function ownerMatches(member: TeamMember, owner: string | undefined): boolean {
  const o = owner?.trim();
  return !!o && (o === member.name || o === member.displayName);
}

export function teamFigures(team: Team, summaries: readonly CustomerSummary[], asOf: string): MemberFigures[] {
  const month = asOf.slice(0, 7);
  return team.members.map((member) => {
    const mine = summaries.filter((s) => ownerMatches(member, s.owner));
    const collected: Record<string, number> = {};
    const overdue: Record<string, number> = {};
    let kept = 0;
    let broken = 0;
    let pending = 0;
    for (const s of mine) {
      for (const [m, cur, minor] of s.collectedByMonth ?? [])
        if (m === month) collected[cur] = (collected[cur] ?? 0) + minor;
      for (const [due, cur, minor] of s.openByDue)
        if (due < asOf && minor > 0) overdue[cur] = (overdue[cur] ?? 0) + minor;
      kept += s.keptPromiseCount;
      broken += s.brokenPromiseCount;
      pending += s.pendingPromiseCount;
    }
    const t = member.monthlyTarget;
    const target = t
      ? {
          minor: t.minor,
          currency: t.currency,
          collected: collected[t.currency] ?? 0,
          ratio: t.minor > 0 ? (collected[t.currency] ?? 0) / t.minor : 0,
        }
      : undefined;
    return { member, customers: mine.length, collected, ...(target ? { target } : {}), kept, broken, pending, overdue };
  });
}
