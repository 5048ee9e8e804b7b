/** Strings of the options. */
export const options = {
  en: {
  },
  zh: {
  },
} as const;
