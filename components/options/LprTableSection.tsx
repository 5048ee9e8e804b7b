/**
 * Options → Settings: the one-year LPR table the interest calculator uses. Shipped with the published values
 * (lib/toolkit/lpr.ts, never fetched); the user adds later announcements here, one "YYYY-MM-DD 3.00" line each.
 * A line that does not parse is named with its number and nothing is saved; "shipped values" drops the user's table.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/lib/db/schema';
import { type LprRow, publishedLpr, publishedLprCheckedThrough } from '@/lib/toolkit/lpr';
import { LPR_TABLE_KEY, parseLprText, readLprTable, saveLprTable } from '@/lib/toolkit/lprStore';

const asText = (rows: readonly LprRow[]) => rows.map((r) => `${r.from} ${(r.rate * 100).toFixed(2)}`).join('\n');

export function LprTableSection() {
  const { t } = useTranslation('toolkit');
  const stored = useLiveQuery(async () => readLprTable((await getDb().meta.get(LPR_TABLE_KEY))?.value) ?? null, []);
  const [text, setText] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  useEffect(() => {
    if (stored !== undefined && text === undefined) setText(asText(stored ?? publishedLpr));
  }, [stored, text]);
  if (stored === undefined || text === undefined) return null;

  const save = async () => {
    const parsed = parseLprText(text);
    if ('error' in parsed) {
      setMessage({
        kind: 'error',
        text: t('lprSettings.error', { line: parsed.error.line, message: t(`lprSettings.codes.${parsed.error.code}`) }),
      });
      return;
    }
    await saveLprTable(getDb(), parsed.rows);
    setText(asText(parsed.rows));
    setMessage({ kind: 'ok', text: t('lprSettings.saved', { count: parsed.rows.length }) });
  };
  const reset = async () => {
    await saveLprTable(getDb(), undefined);
    setText(asText(publishedLpr));
    setMessage({ kind: 'ok', text: t('lprSettings.reset') });
  };

  return (
    <section aria-labelledby="lpr-h" className="mt-6 space-y-2" data-testid="lpr-settings">
      <h2 id="lpr-h" className="text-base font-medium">
        {t('lprSettings.title')}
      </h2>
      <p className="text-sm text-stone-700">{t('lprSettings.intro', { day: publishedLprCheckedThrough })}</p>
      <p className="text-sm text-stone-700" data-testid="lpr-source">
        {stored ? t('lprSettings.usingYours') : t('lprSettings.usingShipped')}
      </p>
      <textarea
        aria-label={t('lprSettings.title')}
        data-testid="lpr-text"
        rows={10}
        className="w-full max-w-md rounded border border-stone-300 p-1 font-mono text-sm"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setMessage(undefined);
        }}
      />
      <div className="flex gap-2">
        <button
          type="button"
          className="rounded bg-blue-700 px-3 py-1 text-white"
          data-testid="lpr-save"
          onClick={() => void save()}
        >
          {t('lprSettings.save')}
        </button>
        <button type="button" className="rounded border border-stone-300 px-3 py-1" onClick={() => void reset()}>
          {t('lprSettings.shipped')}
        </button>
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'text-sm text-red-800' : 'text-sm text-stone-700'}
          data-testid="lpr-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
