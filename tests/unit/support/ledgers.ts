/** Test lookups of receivables and payments by id, across every customer's ledger (the product always knows the customer). */
import type { Payment, Receivable } from '@/lib/domain';
import type { HuikuanDb } from '@/lib/db/schema';
import { allDocuments } from '@/lib/db/ledgers';

export async function receivableById(db: HuikuanDb, id: string): Promise<Receivable | undefined> {
  return (await allDocuments(db)).receivables.find((r) => r.id === id);
}

export async function paymentById(db: HuikuanDb, id: string): Promise<Payment | undefined> {
  return (await allDocuments(db)).payments.find((p) => p.id === id);
}

export async function documentCounts(db: HuikuanDb): Promise<{ receivables: number; payments: number }> {
  const { receivables, payments } = await allDocuments(db);
  return { receivables: receivables.length, payments: payments.length };
}
