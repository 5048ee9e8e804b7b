import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app/tailwind.css';
import { AppShell } from '@/components/app/AppShell';
import { PopupApp } from '@/components/popup/PopupApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell>
      <PopupApp />
    </AppShell>
  </StrictMode>,
);
