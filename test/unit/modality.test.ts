import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasHedge, hasNegation, modalityOf } from '../../src/annotate/modality.ts';

test('negation and hedge words are found whatever their case', () => {
  assert.equal(hasNegation('The mayor did NOT sign the order.'), true);
  assert.equal(hasNegation('The ferry wasn’t late “again”.'), true);
  assert.equal(hasNegation('Nothing — said the clerk — was lost.'), true);
  assert.equal(hasNegation('The notary signed it.'), false);
  assert.equal(hasHedge('The bridge ALLEGEDLY closed.'), true);
  assert.equal(hasHedge('The bridge closed on Maybury Road.'), false);
  assert.equal(modalityOf('The council may vote in June.'), 'hedged');
});

test('letters that case-fold onto ASCII match as the case-insensitive patterns say', () => {
  // "ſ" (long s) folds to "s" under /iu, though lower-casing leaves it as it is.
  assert.equal(hasHedge('It was poſſibly the last ferry.'), true);
  // "İ" lower-cases to two characters; it is no word character for \b.
  assert.equal(hasNegation('NOTİ'), true);
  assert.equal(hasNegation('İNOT'), true);
  assert.equal(hasNegation('Déjà vu, said Ana Crolle.'), false);
});
