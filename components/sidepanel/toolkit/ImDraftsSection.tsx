/** WeChat / 企业微信 short drafts from the record; keys 1–n (or a click) copy one. Nothing is sent. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { imDrafts } from '@/lib/toolkit/im';
import { planProgress } from '@/lib/toolkit/plans';
import { undisputedParts } from '@/lib/toolkit/disputes';
import { useAccount } from '../account';
import { buttonCls } from '../fields';
import type { ToolkitData } from './data';
import { copyText } from './shared';

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function ImDraftsSection({ data }: { data: ToolkitData }) {
  const { t } = useTranslation('toolkit');
  const { lang } = useApp();
  const a = useAccount();
  const [flash, setFlash] = useState<string>();
  const plan = data.plans.find((p) => p.status === 'active');
  const drafts = imDrafts({
    lang,
    t,
    asOf: a.today,
    contactName: a.contacts[0]?.name,
    receivables: a.receivables,
    openStatement: data.statements.find((s) => s.status === 'sent' || s.status === 'received'),
    plan: plan ? { reference: plan.reference, progress: planProgress(plan, a.promises) } : undefined,
    disputes: undisputedParts(a.receivables, data.disputes),
  });
  const copy = useRef<(i: number) => void>(() => undefined);
  copy.current = (i: number) => {
    const d = drafts[i];
    if (d) void copyText(d.text).then((ok) => ok && setFlash(t('im.copied', { what: t(`im.keys.${d.key}`) })));
  };
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || !/^[1-9]$/.test(e.key)) return;
      e.preventDefault();
      copy.current(Number(e.key) - 1);
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
  return (
    <div className="space-y-1 text-xs" data-testid="im-drafts">
      <p className="text-stone-700">{t('im.intro', { n: drafts.length })}</p>
      <ol className="space-y-1">
        {drafts.map((d, i) => (
          <li key={d.key} className="rounded border border-stone-200 p-1.5" data-draft={d.key}>
            <div className="flex items-center justify-between gap-1">
              <span className="font-medium">
                <kbd className="rounded border px-1">{i + 1}</kbd> {t(`im.keys.${d.key}`)}
              </span>
              <button type="button" className={buttonCls} onClick={() => copy.current(i)}>
                {t('interest.copy')}
              </button>
            </div>
            <p className="mt-0.5" data-testid="im-text">
              {d.text}
            </p>
          </li>
        ))}
      </ol>
      {flash && (
        <p aria-live="polite" className="text-stone-600" data-testid="im-flash">
          {flash}
        </p>
      )}
    </div>
  );
}
