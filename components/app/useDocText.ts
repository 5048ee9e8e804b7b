/**
 * The strings a printed document (letter, statement, plan agreement) needs in the document's own language. In the
 * page's language they come from the page's i18n instance (its `AppShell` names `documents`); in the other one the
 * `documents` file of that language is loaded the first time it is asked for (one small chunk), so a page never
 * carries both languages unless the user prints in the one the page is not shown in.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@/lib/domain';
import { loadI18n } from '@/lib/i18n/core';
import type { DocText } from '@/lib/i18n/types';

/** `documents` in `lang`, or undefined while that language's file loads. */
export function useDocText(lang: Lang): DocText | undefined {
  const { i18n } = useTranslation();
  const own = i18n.language === lang && i18n.hasResourceBundle(lang, 'documents');
  const fromPage = useMemo<DocText | undefined>(
    () => (own ? { lang, t: i18n.getFixedT(lang, 'documents') } : undefined),
    [own, i18n, lang],
  );
  const [other, setOther] = useState<DocText>();
  useEffect(() => {
    if (own) return;
    let live = true;
    void loadI18n(lang, ['documents']).then((inst) => {
      if (live) setOther({ lang, t: inst.getFixedT(lang, 'documents') });
    });
    return () => {
      live = false;
    };
  }, [own, lang]);
  return fromPage ?? (other?.lang === lang ? other : undefined);
}
