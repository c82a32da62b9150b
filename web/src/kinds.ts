import type { FindingKind } from '../../src/core/types.ts';

/** The order the issue asks for: what most needs a reader's eye first. */
export const KIND_ORDER: FindingKind[] = [
  'conflict',
  'update',
  'compatible',
  'agreement',
  'unique',
];

export const KIND_LABEL: Record<FindingKind, string> = {
  conflict: 'Conflicts',
  update: 'Updates',
  compatible: 'Compatible',
  agreement: 'Agreements',
  unique: 'Unique',
};
