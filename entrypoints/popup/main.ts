/**
 * The popup's entry. Its static imports are all the page loads before the first paint: the first read (started as
 * soon as its module evaluates, see ./first-read.ts) and the plain DOM summary (components/popup/firstPaint.ts).
 * React and the rest of the popup load after that frame (components/popup/live.tsx).
 */
import '@/components/app/tailwind.css';
import { firstRead } from './first-read';
import { startPopup } from '@/components/popup/start';

void startPopup(document.getElementById('root')!, firstRead);
