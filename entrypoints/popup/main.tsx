/**
 * The popup's entry. Its static imports are what the page preloads in parallel from the HTML: the first read
 * (started as soon as its module evaluates, see ./first-read.ts) and the summary renderer (React, i18next, the
 * popup's strings, the aging summary). The rest of the popup loads after the first paint (components/popup/live.tsx).
 */
import '@/components/app/tailwind.css';
import { firstRead } from './first-read';
import { startPopup } from '@/components/popup/start';

void startPopup(document.getElementById('root')!, firstRead);
