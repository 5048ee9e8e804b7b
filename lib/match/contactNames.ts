/**
 * Customers by the display name of one of their contacts: QQ Mail's current interface and Outlook (for people in
 * the same organisation) show a sender's name without the address, so the page can be matched only through the
 * people the store holds. A name held by one customer's contacts is a confident match (the side panel says it was
 * matched by name among the contacts); a name several customers share is offered, not taken.
 */
import type { Contact } from '../domain';
import type { MatchResult } from '../messaging/router';

export const CONTACT_NAME_SCORE = { unique: 0.9, shared: 0.8 } as const;

/** "Chen  Jing", "ＣＨＥＮ Jing", "陈 静" compare equal to "chen jing", "陈静". */
export function normalizePersonName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•・.,，。'"“”‘’()（）]+/g, '');
}

export function createContactNameIndex(contacts: Array<Pick<Contact, 'customerId' | 'name'>>) {
  const byName = new Map<string, Set<string>>();
  for (const c of contacts) {
    const key = normalizePersonName(c.name);
    if (!key) continue;
    (byName.get(key) ?? byName.set(key, new Set()).get(key)!).add(c.customerId);
  }
  return {
    match(name: string): MatchResult[] {
      const ids = byName.get(normalizePersonName(name));
      if (!ids) return [];
      const score = ids.size === 1 ? CONTACT_NAME_SCORE.unique : CONTACT_NAME_SCORE.shared;
      return [...ids].slice(0, 5).map((customerId) => ({ customerId, score, reason: 'contact-name' }));
    },
  };
}
