import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app/tailwind.css';
import { AppShell } from '@/components/app/AppShell';
import { LetterPage } from '@/components/letter/LetterPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell>
      <LetterPage />
    </AppShell>
  </StrictMode>,
);
