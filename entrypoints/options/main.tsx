import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app/tailwind.css';
import { AppShell } from '@/components/app/AppShell';
import { systemClock } from '@/lib/clock';
import { OptionsApp } from '@/components/options/OptionsApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell clock={systemClock}>
      <OptionsApp />
    </AppShell>
  </StrictMode>,
);
