/**
 * The collector's toolkit for the shown customer: late interest, statements of account with their trail, payment
 * plans, disputes with the undisputed part, retention money (质保金), bills and e-receivable certificates, the
 * complaint channel and WeChat drafts. One card with a tab per tool,
 * so the panel stays short; every figure comes from the customer's record and the toolkit's own stores.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../account';
import { useToolkitData } from './data';
import { InterestSection } from './InterestSection';
import { StatementsSection } from './StatementsSection';
import { PlansSection } from './PlansSection';
import { DisputesSection } from './DisputesSection';
import { ComplaintSection } from './ComplaintSection';
import { ImDraftsSection } from './ImDraftsSection';
import { RetentionSection } from './RetentionSection';
import { BillsSection } from './BillsSection';

const tabs = ['interest', 'statements', 'plans', 'disputes', 'retention', 'bills', 'complaint', 'im'] as const;
type Tab = (typeof tabs)[number];

export function ToolkitCard() {
  const { t } = useTranslation('toolkit');
  const a = useAccount();
  const data = useToolkitData(a.customer.id);
  const [tab, setTab] = useState<Tab>('interest');
  return (
    <section aria-labelledby="toolkit-h" data-testid="toolkit" className="rounded border border-stone-200 p-2">
      <h2 id="toolkit-h" className="font-medium">
        {t('title')}
      </h2>
      <div role="tablist" aria-label={t('title')} className="mt-1 flex flex-wrap gap-1">
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            data-testid={`toolkit-tab-${k}`}
            className={`rounded px-2 py-0.5 text-xs ${tab === k ? 'bg-blue-700 text-white' : 'border border-stone-300 bg-white hover:bg-stone-50'}`}
            onClick={() => setTab(k)}
          >
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="mt-2" data-testid={`toolkit-panel-${tab}`}>
        {!data ? (
          <div className="h-16 animate-pulse rounded bg-stone-50" aria-busy="true" />
        ) : (
          <>
            {tab === 'interest' && <InterestSection data={data} />}
            {tab === 'statements' && <StatementsSection data={data} />}
            {tab === 'plans' && <PlansSection data={data} />}
            {tab === 'disputes' && <DisputesSection data={data} />}
            {tab === 'retention' && <RetentionSection />}
            {tab === 'bills' && <BillsSection data={data} />}
            {tab === 'complaint' && <ComplaintSection data={data} />}
            {tab === 'im' && <ImDraftsSection data={data} />}
          </>
        )}
      </div>
    </section>
  );
}
