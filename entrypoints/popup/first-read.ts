/**
 * Starts the popup's first read when this module is evaluated. main.tsx imports it before the summary renderer,
 * and ES modules evaluate in import order, so the IndexedDB request is on its way before React is evaluated.
 */
import { readFirstPaintRows } from '@/components/popup/firstRead';

export const firstRead = readFirstPaintRows();
