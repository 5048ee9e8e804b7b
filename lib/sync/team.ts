/**
 * The team as the server describes it: one document `team` in the `huikuan-team` database, written only by the
 * server's admin (scripts/team-setup.ts), readable by every member. It lists the salespeople with their
 * database and monthly target, and the managers; who may read which database is enforced by each database's
 * `_security`, not by this list.
 */
import { z } from 'zod';
import { moneySchema } from '../domain';

export const TEAM_DB = 'huikuan-team';
export const TEAM_DOC = 'team';
export const MANAGER_ROLE = 'huikuan-manager';
export const MEMBER_ROLE = 'huikuan-member';

export const teamMemberSchema = z.object({
  /** The CouchDB user name (lower-case letters, digits, `._-`). */
  name: z.string().min(1).max(100),
  /** How the team writes the name (the `owner` of their customers), e.g. 王磊. */
  displayName: z.string().min(1).max(100),
  db: z.string().regex(/^[a-z][a-z0-9_$()+/-]*$/, 'not a CouchDB database name'),
  monthlyTarget: moneySchema.optional(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  members: z.array(teamMemberSchema).max(500),
  managers: z
    .array(z.object({ name: z.string().min(1).max(100), displayName: z.string().min(1).max(100) }))
    .max(100)
    .default([]),
});
export type Team = z.infer<typeof teamSchema>;

export const ownerDbName = (userName: string): string =>
  `huikuan-${userName.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;

export function isManager(roles: readonly string[]): boolean {
  return roles.includes(MANAGER_ROLE) || roles.includes('_admin');
}

/** The databases this user replicates: a manager all of the team's, a salesperson their own. */
export function visibleMembers(team: Team, me: { name: string; roles: string[] }): TeamMember[] {
  return isManager(me.roles) ? team.members : team.members.filter((m) => m.name === me.name);
}

/**
 * Whose database a customer with this owner belongs in, among those this user replicates; undefined when it
 * belongs to a salesperson whose database this user cannot write (it then stays in this browser only).
 */
export function memberForOwner(
  team: Team,
  visible: readonly TeamMember[],
  owner: string | undefined,
  me: { name: string },
): TeamMember | undefined {
  const o = owner?.trim();
  const named = o ? team.members.find((m) => m.name === o || m.displayName === o) : undefined;
  if (named) return visible.some((m) => m.db === named.db) ? named : undefined;
  // A customer with no owner, or an owner outside the team, is shared in the salesperson's own database.
  return visible.find((m) => m.name === me.name);
}

export function displayNameOf(team: Team | undefined, name: string): string {
  return (
    team?.members.find((m) => m.name === name)?.displayName ??
    team?.managers.find((m) => m.name === name)?.displayName ??
    name
  );
}
