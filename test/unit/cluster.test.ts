/**
 * Story clustering on fictional reports (written for these tests): two
 * earthquakes of the same kind stay apart, the grouping is independent of the
 * input order, one-by-one placement equals the batch, and unrelated stories
 * are never linked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotate } from '../../src/annotate/index.ts';
import type { AnnotatedArticle } from '../../src/core/index.ts';
import { clusterStories, StoryIndex, storyLink } from '../../src/cluster/index.ts';
import { ingest } from '../../src/ingest/index.ts';

const TEXTS: Record<string, string> = {
  valmoraA: `Earthquake of magnitude 6.1 strikes Valmora, killing 37

A magnitude 6.1 earthquake struck the mountain town of Valmora in Ostrel province on March 4, 2025, killing at least 37 people, regional officials said.
The quake hit shortly after dawn and destroyed the old grain market, said Anika Roszel of the Ostrel Seismic Institute.
Rescue teams from Kestrin were digging through the rubble on Tuesday.`,
  valmoraB: `Valmora quake toll rises to 37 as rescuers search rubble

Rescuers in Valmora pulled more bodies from collapsed houses after the 6.1-magnitude quake of March 4, 2025, bringing the toll to 37.
Anika Roszel, who heads the Ostrel Seismic Institute, said aftershocks could continue for weeks.
The grain market in the centre of Valmora was flattened, residents said.`,
  terranoA: `Earthquake hits Terrano coast, 12 dead

An earthquake of magnitude 5.4 hit the fishing port of Terrano on the Lusk coast on August 19, 2019, killing 12 people, the coast guard said.
The quake damaged the Terrano lighthouse and the harbour wall, according to mayor Bertil Osvaag.
Ferries to the Lusk islands were suspended.`,
  terranoB: `Twelve killed as quake shakes Terrano harbour

Twelve people died when a 5.4-magnitude earthquake shook Terrano on August 19, 2019, mayor Bertil Osvaag said.
The harbour wall and the old lighthouse of Terrano were badly damaged, and ferries to the Lusk islands stopped.`,
  virnohrad: `Explosion at Virnohrad river port kills 12

An explosion at a warehouse in the river port of Virnohrad killed 12 people on Monday, port director Oleksii Hrytsenko said.
Hrytsenko said the blast started in a store of fertiliser near the Kalmiuska quay.`,
  vernograd: `Twelve dead in Vernograd port blast

Twelve people were killed when a warehouse exploded in the river port of Vernograd, port director Aleksei Gritsenko told reporters.
According to Gritsenko, fertiliser stored by the Kalmiusskaya quay caught fire before the blast.`,
  dunmore: `Police arrest smuggler at Dunmore docks

Customs officers arrested a man suspected of smuggling 40 kilograms of saffron through the Dunmore docks on Friday.
The suspect, Corvin Aldous, will appear before Dunmore magistrates next week, a customs spokeswoman said.`,
};

async function articles(names: string[]): Promise<AnnotatedArticle[]> {
  const { articles: read } = await ingest(
    names.map((name) => ({ record: { text: TEXTS[name] ?? '' }, label: name })),
  );
  return read.map((a) => annotate(a));
}

function partition(stories: { articles: AnnotatedArticle[] }[]): string[] {
  return stories
    .map((s) =>
      s.articles
        .map((a) => a.article.source)
        .sort()
        .join('+'),
    )
    .sort();
}

describe('clusterStories', () => {
  it('keeps two earthquakes apart and groups the reports of each', async () => {
    const docs = await articles(['valmoraA', 'terranoA', 'valmoraB', 'terranoB', 'dunmore']);
    const stories = clusterStories(docs);
    assert.deepEqual(partition(stories), ['dunmore', 'terranoA+terranoB', 'valmoraA+valmoraB']);
  });

  it('gives the same stories, ids and evidence in any input order and one by one', async () => {
    const docs = await articles(['valmoraA', 'terranoA', 'valmoraB', 'terranoB', 'dunmore']);
    const reference = clusterStories(docs);
    const orders = [
      [4, 3, 2, 1, 0],
      [2, 0, 4, 1, 3],
      [1, 3, 0, 4, 2],
    ];
    for (const order of orders) {
      const shuffled = order.map((i) => docs[i]!);
      assert.deepEqual(
        clusterStories(shuffled).map((s) => [s.id, s.evidence]),
        reference.map((s) => [s.id, s.evidence]),
      );
      const index = new StoryIndex();
      for (const doc of shuffled) index.add(doc);
      assert.deepEqual(
        index.stories().map((s) => s.id),
        reference.map((s) => s.id),
      );
    }
  });

  it('places a new article into its story incrementally', async () => {
    const [a, b, c] = await articles(['valmoraA', 'terranoA', 'valmoraB']);
    const index = new StoryIndex();
    index.add(a!);
    index.add(b!);
    const story = index.place(c!);
    assert.deepEqual(story.articles.map((d) => d.article.source).sort(), ['valmoraA', 'valmoraB']);
  });

  it('says why: shared features for grouped articles, what differed for kept-apart ones', async () => {
    const docs = await articles(['valmoraA', 'valmoraB', 'terranoA']);
    const stories = clusterStories(docs);
    const valmora = stories.find((s) => s.articles.length === 2);
    assert.ok(valmora);
    assert.match(valmora.evidence.join('\n'), /valmora/i);
    const single = stories.find((s) => s.articles.length === 1);
    assert.ok(single && single.evidence.length > 0);
  });

  it('keeps both copies of one text (two outlets, one wire story) in one story, in any order', async () => {
    // Ingest folds identical inputs into one; a store or a library caller can
    // still hand over two outlets' copies of one text (one id, two sources).
    const [copyA, valmora] = await articles(['dunmore', 'valmoraA']);
    const copyB = { ...copyA!, article: { ...copyA!.article, source: 'copy-b' } };
    const docs = [{ ...copyA!, article: { ...copyA!.article, source: 'copy-a' } }, copyB, valmora!];
    const forward = clusterStories(docs);
    const backward = clusterStories([...docs].reverse());
    assert.deepEqual(partition(forward), ['copy-a+copy-b', 'valmoraA']);
    assert.deepEqual(
      backward.map((s) => [s.id, s.articles.map((a) => a.article.source)]),
      forward.map((s) => [s.id, s.articles.map((a) => a.article.source)]),
    );
    assert.match(forward.flatMap((s) => s.evidence).join('\n'), /identical text/);
  });

  it('has no story for no article', () => {
    assert.deepEqual(clusterStories([]), []);
  });
});

describe('storyLink', () => {
  const cases: { a: string; b: string; linked: boolean }[] = [
    { a: 'valmoraA', b: 'valmoraB', linked: true },
    { a: 'terranoA', b: 'terranoB', linked: true },
    // One story told with Ukrainian and Russian romanisations of its names.
    { a: 'virnohrad', b: 'vernograd', linked: true },
    { a: 'virnohrad', b: 'dunmore', linked: false },
    // Negative cases: same kind of event, other place and year; unrelated story.
    { a: 'valmoraA', b: 'terranoA', linked: false },
    { a: 'valmoraB', b: 'terranoB', linked: false },
    { a: 'valmoraA', b: 'dunmore', linked: false },
    { a: 'terranoB', b: 'dunmore', linked: false },
  ];
  for (const { a, b, linked } of cases) {
    it(`${a} ~ ${b}: ${linked ? 'one story' : 'apart'}`, async () => {
      const [x, y] = await articles([a, b]);
      const link = storyLink(x!, y!);
      assert.equal(
        link.linked,
        linked,
        `score ${link.score.toFixed(3)}; ${link.shared.join(', ')}`,
      );
      if (linked) assert.ok(link.shared.length > 0);
    });
  }

  it('marks years stated by both and not shared', async () => {
    const [x, y] = await articles(['valmoraA', 'terranoA']);
    const link = storyLink(x!, y!);
    assert.ok(
      link.differed.some((d) => d.includes('2025') && d.includes('2019')),
      link.differed.join('; '),
    );
  });
});
