/**
 * The customer's people: who initiates and who signs payment, the key people of question 6, each with the
 * course's personality type (九型) so the script's tone can fit them. A picker used by the nine-question form
 * creates a contact on the spot, because that is where the collector first learns the name.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/lib/db/schema';
import { putContact } from '@/lib/db/repo';
import { contactSchema, newId, personalityTypes, type Contact } from '@/lib/domain';
import { notifyDataChanged } from '@/lib/browser/send';
import { useAccount } from './account';
import { useClock } from '@/components/app/clock';
import { useUndo } from './undo';
import { buttonCls, inputCls, primaryCls } from './fields';

export async function createContact(
  customerId: string,
  name: string,
  now: Date,
  extra: Partial<Contact> = {},
): Promise<Contact> {
  const contact = contactSchema.parse({
    id: newId('c'),
    customerId,
    name: name.trim(),
    updatedAt: now.getTime(),
    ...extra,
  });
  await putContact(getDb(), contact);
  notifyDataChanged();
  return contact;
}

const NEW = '__new__';

/** A select over the customer's contacts with "new contact…" that turns into a name field. */
export function ContactPicker({
  value,
  onChange,
  label,
  testId,
}: {
  value?: string;
  onChange: (id: string | undefined) => void;
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation('sidepanel');
  const a = useAccount();
  const clock = useClock();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const add = async () => {
    if (!name.trim()) return;
    const c = await createContact(a.customer.id, name, clock());
    setAdding(false);
    setName('');
    onChange(c.id);
  };
  if (adding) {
    return (
      <span className="flex gap-1">
        <input
          autoFocus
          aria-label={`${label}: ${t('contacts.name')}`}
          data-testid={testId ? `${testId}-new` : undefined}
          className={inputCls}
          value={name}
          placeholder={t('contacts.name')}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
            if (e.key === 'Escape') setAdding(false);
          }}
        />
        <button type="button" className={primaryCls} disabled={!name.trim()} onClick={() => void add()}>
          {t('contacts.add')}
        </button>
      </span>
    );
  }
  return (
    <select
      aria-label={label}
      data-testid={testId}
      className={inputCls}
      value={value ?? ''}
      onChange={(e) => {
        if (e.target.value === NEW) setAdding(true);
        else onChange(e.target.value || undefined);
      }}
    >
      <option value="">{t('contacts.unknown')}</option>
      {a.contacts.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
          {c.title ? ` · ${c.title}` : ''}
        </option>
      ))}
      <option value={NEW}>{t('contacts.newOption')}</option>
    </select>
  );
}

export function ContactsCard() {
  const { t } = useTranslation(['sidepanel', 'common']);
  const a = useAccount();
  const clock = useClock();
  const { remove } = useUndo();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const add = async () => {
    if (!name.trim()) return;
    const c = await createContact(a.customer.id, name, clock());
    setName('');
    setEditing(c.id);
  };
  return (
    <details
      className="rounded border border-stone-200 p-2"
      data-testid="contacts"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer font-medium">
        {t('contacts.title')} <span className="font-normal text-stone-600">({a.contacts.length})</span>
      </summary>
      {open && (
        <>
          {a.contacts.length === 0 && <p className="mt-1 text-stone-700">{t('contacts.empty')}</p>}
          <ul className="mt-1 divide-y divide-stone-100">
            {a.contacts.map((c) => (
              <li key={c.id} className="py-1">
                {editing === c.id ? (
                  <ContactEditor contact={c} onDone={() => setEditing(null)} />
                ) : (
                  <div className="flex items-start justify-between gap-2">
                    <div className="min-w-0">
                      <div className="font-medium">
                        {c.name}
                        {c.title && <span className="font-normal text-stone-700"> · {c.title}</span>}
                      </div>
                      <div className="text-xs text-stone-700">
                        {[c.role, c.phone, c.email, c.im, c.personality && t(`personality.${c.personality}`)]
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    </div>
                    <span className="flex shrink-0 gap-1">
                      <button type="button" className={buttonCls} onClick={() => setEditing(c.id)}>
                        {t('edit')}
                      </button>
                      <button
                        type="button"
                        className={buttonCls}
                        aria-label={`${t('common:delete')} ${c.name}`}
                        onClick={() => void remove('contacts', [c.id], c.name)}
                      >
                        {t('common:delete')}
                      </button>
                    </span>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <form
            className="mt-1 flex gap-1"
            onSubmit={(e) => {
              e.preventDefault();
              void add();
            }}
          >
            <input
              aria-label={t('contacts.name')}
              placeholder={t('contacts.name')}
              className={inputCls}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className={primaryCls} disabled={!name.trim()}>
              {t('contacts.add')}
            </button>
          </form>
        </>
      )}
    </details>
  );
}

function ContactEditor({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const { t } = useTranslation(['sidepanel', 'common']);
  const clock = useClock();
  const [d, setD] = useState(contact);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const parsed = contactSchema.safeParse({ ...d, name: d.name.trim(), updatedAt: clock().getTime() });
    if (!parsed.success) {
      setError(t('contacts.invalid', { field: String(parsed.error.issues[0]?.path[0] ?? '') }));
      return;
    }
    await putContact(getDb(), parsed.data);
    notifyDataChanged();
    onDone();
  };
  const text = (k: 'name' | 'title' | 'role' | 'phone' | 'email' | 'im') => (
    <label className="block text-xs">
      {t(`contacts.${k === 'title' ? 'jobTitle' : k}`)}
      <input
        className={inputCls}
        value={d[k] ?? ''}
        onChange={(e) => setD({ ...d, [k]: e.target.value || undefined })}
      />
    </label>
  );
  return (
    <form
      className="grid grid-cols-1 gap-1 min-[380px]:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {text('name')}
      {text('title')}
      {text('role')}
      {text('phone')}
      {text('email')}
      {text('im')}
      <label className="block text-xs min-[380px]:col-span-2">
        {t('contacts.personality')}
        <select
          className={inputCls}
          value={d.personality ?? ''}
          onChange={(e) => setD({ ...d, personality: (e.target.value || undefined) as Contact['personality'] })}
        >
          <option value="">{t('contacts.unknown')}</option>
          {personalityTypes.map((p, i) => (
            <option key={p} value={p}>
              {i + 1}. {t(`personality.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="text-xs text-red-800 min-[380px]:col-span-2">
          {error}
        </p>
      )}
      <span className="flex gap-1 min-[380px]:col-span-2">
        <button type="submit" className={primaryCls}>
          {t('common:save')}
        </button>
        <button type="button" className={buttonCls} onClick={onDone}>
          {t('common:cancel')}
        </button>
      </span>
    </form>
  );
}
