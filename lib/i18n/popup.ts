/** Strings of the popup. */
export const popup = {
  en: {
  },
  zh: {
  },
} as const;
