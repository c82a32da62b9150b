/**
 * The ECB+ reader and scorers on the real corpus (../shared/datasets/ecbplus):
 * offsets of tokens and gold mentions point at their words, the URL sentence
 * of ecbplus files is dropped, the alignment floor is the one measured by
 * hand, and story clustering keeps the two halves of dev topics apart.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotate } from '../../src/annotate/index.ts';
import { clusterStories } from '../../src/cluster/index.ts';
import { scoreAlignment, scoredSentences } from '../../eval/alignment.ts';
import { bcubed, readEcbPlus, toArticle } from '../../eval/ecbplus.ts';
import { prf } from '../../eval/shared.ts';

describe('ECB+ reader', () => {
  const docs = readEcbPlus({ topics: [2, 36] });

  it('maps every token and mention to its words', () => {
    assert.ok(docs.length > 20);
    for (const doc of docs) {
      for (const t of doc.tokens) assert.equal(doc.text.slice(...t.span), t.text);
      for (const m of doc.mentions) {
        const first = doc.tokens.find((t) => t.id === m.tokenIds[0]);
        assert.ok(first, `${doc.name} mention ${m.id}`);
        assert.equal(m.span[0], first.span[0]);
      }
    }
  });

  it('drops the URL sentence of ecbplus files and keeps sentence 0 of ecb files', () => {
    const plus = docs.filter((d) => d.subset === 'ecbplus');
    const ecb = docs.filter((d) => d.subset === 'ecb');
    assert.ok(plus.length > 0 && ecb.length > 0);
    for (const d of plus) {
      assert.ok(!d.sentences.has(0), d.name);
      assert.doesNotMatch(d.title, /^https?\s*:/, d.name);
    }
    for (const d of ecb) assert.ok(d.sentences.has(0), d.name);
  });

  it('gives gold stories per (topic, subset) and the split of each topic', () => {
    assert.deepEqual([...new Set(docs.map((d) => d.story))].sort(), [
      '2/ecb',
      '2/ecbplus',
      '36/ecb',
      '36/ecbplus',
    ]);
    assert.deepEqual([...new Set(docs.map((d) => d.split))].sort(), ['dev', 'test']);
  });
});

describe('ECB+ scorers', () => {
  it('reproduces the link-everything floor on the test topics (P 0.783)', () => {
    const test = readEcbPlus({ topics: [36, 37, 38, 39, 40, 41, 42, 43, 44, 45] });
    const bare = new Map(
      test.map((d) => [
        d.name,
        {
          article: toArticle(d),
          sentences: [],
          mentions: [],
          entities: [],
          quantities: [],
          times: [],
          quotes: [],
          attributions: [],
          claims: [],
          diagnostics: [],
        },
      ]),
    );
    const counts = scoreAlignment(scoredSentences(test, bare, 'sentence'), () => true);
    assert.equal(prf(counts.tp, counts.fp, counts.fn).p.toFixed(3), '0.783');
    assert.equal(counts.tn, 0);
  });

  it('B-cubed is 1 for the gold partition and below 1 for one big cluster', () => {
    const gold = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
    ]);
    assert.equal(bcubed(gold, gold).f1, 1);
    const lumped = bcubed(new Map([...gold.keys()].map((k) => [k, 'all'])), gold);
    assert.equal(lumped.r, 1);
    assert.ok(lumped.p < 0.6);
  });

  it('clusters dev topics 2 and 5 into their stories (B-cubed F1 ≥ 0.85)', () => {
    const dev = readEcbPlus({ topics: [2, 5] });
    const annotated = dev.map((d) => annotate(toArticle(d)));
    const nameOf = new Map(annotated.map((a, i) => [a.article.id, dev[i]!.name]));
    const predicted = new Map<string, string>();
    for (const s of clusterStories(annotated))
      for (const a of s.articles) predicted.set(nameOf.get(a.article.id) ?? '', s.id);
    const r = bcubed(predicted, new Map(dev.map((d) => [d.name, d.story])));
    assert.ok(r.f1 >= 0.85, `F1 ${r.f1.toFixed(3)} (P ${r.p.toFixed(3)}, R ${r.r.toFixed(3)})`);
  });
});
