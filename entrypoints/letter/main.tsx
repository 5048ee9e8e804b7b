import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app/tailwind.css';
import { AppShell } from '@/components/app/AppShell';
import { systemClock } from '@/lib/clock';
import { LetterPage } from '@/components/letter/LetterPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell clock={systemClock} namespaces={['common', 'sidepanel', 'documents']}>
      <LetterPage />
    </AppShell>
  </StrictMode>,
);
