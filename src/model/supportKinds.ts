/**
 * The four kinds of support a coach offers and a coachee needs (domain notes, "Four kinds of
 * support"). Socio-emotional support is listed first because it is the foundation: the
 * others hardly work without it.
 */
export const supportKinds = ['socioEmotional', 'network', 'autonomy', 'career'] as const;

/** One of the four {@link supportKinds}. */
export type SupportKind = (typeof supportKinds)[number];
