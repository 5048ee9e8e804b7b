import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app/tailwind.css';
import { AppShell } from '@/components/app/AppShell';
import { OptionsApp } from '@/components/options/OptionsApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell>
      <OptionsApp />
    </AppShell>
  </StrictMode>,
);
