/**
 * Reasons, cautions and script parts are data ({ key, params }); this turns them into text in one language from
 * the playbook's words (common:playbook.* in lib/i18n/locales). Parameters are plain data and are formatted here: `minor` + `currency` become `amount`
 * (`restMinor` → `rest`, `openMinor` → `open`), ISO days become local dates, a `level` adds its step's name, a
 * `tech` its technique's name, a `channel` its label; `docs` and `total` lists are formatted item by item.
 */
import type { Lang } from '../domain';
import { formatDay, formatMoney } from '../format';
import { commonTranslator } from '../i18n/common';
import type { KeyOf } from '../i18n/types';
import { delinquencyTypes, ladder, techniques, traps } from './catalog';
import { attitudes, personalities } from './method';
import type { Reason } from './ladder';
import type { ScriptPart } from './scripts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** One fixed translator per language: getFixedT is costly enough to show when a script has twenty parts. */
const tr = commonTranslator;

/**
 * A key assembled from a parameter's value (a channel, who pays, a role, why a technique was left out): the value
 * comes from the playbook's own code, not the page; a value without a text shows its key, as i18next does.
 */
const dataKey = (key: string) => key as KeyOf<'common'>;
const sayKey = (t: ReturnType<typeof tr>, key: string, values?: Record<string, string | number>): string =>
  String(t(dataKey(key), values));

export function formatParams(
  params: Record<string, string | number> | undefined,
  lang: Lang,
): Record<string, string | number> {
  const t = tr(lang);
  const p = params ?? {};
  const out: Record<string, string | number> = {};
  const cur = typeof p.currency === 'string' ? p.currency : 'CNY';
  const sep = t('playbook.sep.dates');
  for (const [k, v] of Object.entries(p)) {
    if (k === 'minor') out.amount = formatMoney(Number(v), cur, lang);
    else if (k.endsWith('Minor')) out[k.slice(0, -5)] = formatMoney(Number(v), cur, lang);
    else if (typeof v === 'string' && ISO.test(v)) out[k] = formatDay(v, lang);
    else if (k === 'dates')
      out[k] = String(v)
        .split(';')
        .filter(Boolean)
        .map((d) => formatDay(d, lang))
        .join(sep);
    else if (k === 'docs') {
      out[k] = String(v)
        .split(';')
        .filter(Boolean)
        .map((d) => {
          const [doc, minor, currency, due] = d.split('|');
          return t('playbook.part.doc', {
            doc,
            amount: formatMoney(Number(minor), currency, lang),
            due: formatDay(due, lang),
          });
        })
        .join(t('playbook.sep.docs'));
    } else if (k === 'total') {
      out[k] = String(v)
        .split(';')
        .filter(Boolean)
        .map((x) => {
          const [m, c] = x.split('|');
          return formatMoney(Number(m), c, lang);
        })
        .join(t('playbook.sep.totals'));
    } else out[k] = v;
  }
  if (typeof p.level === 'number') out.stepName = ladder[p.level]?.name[lang] ?? '';
  if (typeof p.kind === 'string' && ['agency', 'public-institution', 'large-enterprise'].includes(p.kind))
    out.kindText = t(`playbook.debtorKind.${p.kind}` as KeyOf<'common'>);
  if (typeof p.tech === 'number') out.techName = techniques.find((x) => x.id === p.tech)?.name[lang] ?? '';
  if (typeof p.channel === 'string') out.channel = sayKey(t, `channels.${p.channel}`);
  const personality = personalities.find((x) => x.key === p.personality);
  if (personality) {
    out.text = personality.opening[lang];
    out.personalityName = personality.name[lang];
    out.personalityTone = personality.tone[lang];
    out.personalityAvoid = personality.avoid[lang];
  }
  const attitude = attitudes.find((x) => x.key === p.attitude);
  if (attitude) {
    out.attitudeName = attitude.name[lang];
    out.attitudeLadder = attitude.ladder[lang];
  }
  const type = delinquencyTypes.find((x) => x.id === p.type);
  if (type) {
    out.typeName = type.name[lang];
    out.typeStrategy = type.strategy[lang];
  }
  const trap = traps.find((x) => x.id === p.trap);
  if (trap) out.trapName = trap.name[lang];
  if (typeof p.who === 'string') out.whoText = sayKey(t, `playbook.who.${p.who}`);
  if (typeof p.role === 'string') out.roleText = sayKey(t, `playbook.role.${p.role}`);
  if (typeof p.paid === 'number') out.paidText = t(`playbook.won.${p.paid ? 'payment' : 'promise'}`);
  if (typeof p.because === 'string') out.becauseText = sayKey(t, `playbook.because.${p.because}`, out);
  return out;
}

export function sayReason(r: Reason, lang: Lang, group: 'reason' | 'caution' = 'reason'): string {
  // A reason's key is one of reason's or caution's; the group says which list it is read from.
  return sayKey(tr(lang), `playbook.${group}.${r.key}`, formatParams(r.params, lang));
}

export function sayPart(part: ScriptPart, lang: Lang): string {
  return tr(lang)(`playbook.part.${part.key}`, formatParams(part.params, lang)).trim();
}

/** The parts as a message on this channel: a letter-shaped text for written channels, one paragraph for calls. */
export function renderScript(parts: ScriptPart[], lang: Lang, shape: 'letter' | 'spoken' | 'agenda'): string {
  const texts = parts.map((p) => ({ kind: p.kind, text: sayPart(p, lang) })).filter((x) => x.text);
  const t = tr(lang);
  if (shape === 'agenda') return texts.map((x, i) => `${i + 1}. ${x.text}`).join('\n');
  const greeting = texts
    .filter((x) => x.kind === 'greeting')
    .map((x) => x.text)
    .join('');
  const signature = texts
    .filter((x) => x.kind === 'signature')
    .map((x) => x.text)
    .join('\n')
    .split('\n')
    .filter((l) => l.trim())
    .join('\n');
  const body = texts
    .filter((x) => x.kind !== 'greeting' && x.kind !== 'signature')
    .map((x) => x.text)
    // Sentence after sentence: a space between them in English, none in Chinese.
    .reduce((first, next) => (first ? t('playbook.sep.then', { first, next }) : next), '');
  if (shape === 'spoken') return [greeting, body].filter(Boolean).join(t('playbook.sep.spoken'));
  return `${greeting}${t('playbook.sep.salutation')}\n\n${body}\n\n${signature}`.trim();
}
