import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app/tailwind.css';
import { AppShell } from '@/components/app/AppShell';
import { systemClock } from '@/lib/clock';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell clock={systemClock} namespaces={['common', 'sidepanel', 'forecast', 'toolkit', 'documents']}>
      <SidePanelApp />
    </AppShell>
  </StrictMode>,
);
