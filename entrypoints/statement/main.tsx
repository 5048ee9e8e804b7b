import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app/tailwind.css';
import { AppShell } from '@/components/app/AppShell';
import { systemClock } from '@/lib/clock';
import { StatementPage } from '@/components/toolkit/StatementPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell clock={systemClock} namespaces={['common', 'sidepanel', 'documents']}>
      <StatementPage />
    </AppShell>
  </StrictMode>,
);
