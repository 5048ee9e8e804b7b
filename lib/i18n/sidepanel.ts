/** Strings of the sidepanel. */
export const sidepanel = {
  en: {
  },
  zh: {
  },
} as const;
