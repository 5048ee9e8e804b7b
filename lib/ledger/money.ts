/** Currency facts the ledger and the importer share. */

/** ISO 4217 minor-unit exponents that differ from 2. */
const EXPONENTS: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  PYG: 0,
  UGX: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  KMF: 0,
  GNF: 0,
  RWF: 0,
  VUV: 0,
  DJF: 0,
  BIF: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  IQD: 3,
  LYD: 3,
};

/** Decimal places of a currency's minor unit (JPY 0, KWD 3, most 2). */
export function currencyDecimals(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** Adds `minor` into `acc[currency]`, creating the key on first use. */
export function addInto(acc: Record<string, number>, currency: string, minor: number): void {
  acc[currency] = (acc[currency] ?? 0) + minor;
}
