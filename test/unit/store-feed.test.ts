import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeFeed, parseFeed } from '../../src/store/feed.ts';

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Quenby Gazette</title>
<item><title>Fire destroys Quenby mill</title><link>https://gazette.example/mill</link>
<pubDate>Sun, 04 May 2031 10:00:00 GMT</pubDate><dc:creator>Ada Brill</dc:creator>
<description>&lt;p&gt;A fire destroyed the old mill.&lt;/p&gt;</description></item>
<item><title>Plain item</title><guid>https://gazette.example/plain</guid><description>Nobody was hurt &amp; the road reopened.</description></item>
<item><title>Full text</title><link>https://gazette.example/full</link><description>Short teaser.</description>
<content:encoded><![CDATA[<p>The whole article, with <b>markup</b>.</p>]]></content:encoded></item>
<item><title>No body</title><link>https://gazette.example/empty</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Tolley Herald</title>
<entry><title>Tolley floods</title><link rel="alternate" href="https://herald.example/floods"/>
<id>urn:herald:1</id><published>2031-04-09T08:00:00Z</published><author><name>Cy Oduya</name></author>
<content type="html">&lt;p&gt;The river rose overnight.&lt;/p&gt;</content></entry>
<entry><title>Summary only</title><id>urn:herald:2</id><updated>2031-04-10T08:00:00Z</updated><summary>Water levels fell.</summary></entry>
</feed>`;

test('RSS items become records with link, outlet, byline, date and body', () => {
  const feed = parseFeed(RSS, 'gazette.xml');
  assert.equal(feed.kind, 'rss');
  assert.deepEqual(
    feed.items.map((i) => i.label),
    [
      'https://gazette.example/mill',
      'https://gazette.example/plain',
      'https://gazette.example/full',
    ],
  );
  const [mill, plain, full] = feed.items.map((i) => i.record);
  assert.deepEqual(mill, {
    title: 'Fire destroys Quenby mill',
    html: '<p>A fire destroyed the old mill.</p>',
    url: 'https://gazette.example/mill',
    outlet: 'Quenby Gazette',
    byline: 'Ada Brill',
    published: 'Sun, 04 May 2031 10:00:00 GMT',
  });
  assert.equal(
    plain?.text,
    'Nobody was hurt & the road reopened.',
    'text without markup stays text',
  );
  assert.equal(plain?.html, undefined);
  assert.equal(
    full?.html,
    '<p>The whole article, with <b>markup</b>.</p>',
    'content:encoded wins over the teaser',
  );
  // Negative: an item without any body is reported, not turned into an empty article.
  assert.deepEqual(
    feed.diagnostics.map((d) => [d.ruleId, d.source]),
    [['feed-item-empty', 'https://gazette.example/empty']],
  );
});

test('Atom entries become records; summary stands in for content', () => {
  const feed = parseFeed(ATOM, 'herald.atom');
  assert.equal(feed.kind, 'atom');
  assert.equal(feed.items.length, 2);
  assert.deepEqual(feed.items[0]?.record, {
    title: 'Tolley floods',
    html: '<p>The river rose overnight.</p>',
    url: 'https://herald.example/floods',
    outlet: 'Tolley Herald',
    byline: 'Cy Oduya',
    published: '2031-04-09T08:00:00Z',
  });
  assert.equal(feed.items[1]?.label, 'urn:herald:2');
  assert.equal(feed.items[1]?.record.text, 'Water levels fell.');
  assert.equal(feed.items[1]?.record.published, '2031-04-10T08:00:00Z');
});

const NOT_FEEDS: [string, string, string][] = [
  ['malformed XML', '<rss><channel><item><title>x</item></rss>', 'feed-malformed'],
  [
    'XML of another kind',
    '<?xml version="1.0"?><invoice><total>3</total></invoice>',
    'feed-unknown',
  ],
];

for (const [name, xml, ruleId] of NOT_FEEDS) {
  test(`not a feed: ${name} is reported, with no items`, () => {
    const feed = parseFeed(xml, 'input.xml');
    assert.equal(feed.items.length, 0);
    assert.equal(feed.diagnostics[0]?.ruleId, ruleId);
    assert.equal(feed.diagnostics[0]?.severity, 'error');
    assert.equal(feed.diagnostics[0]?.source, 'input.xml');
  });
}

test('feed sniffing: RSS and Atom yes; HTML, other XML and text no', () => {
  assert.equal(looksLikeFeed(RSS), true);
  assert.equal(looksLikeFeed(ATOM), true);
  assert.equal(looksLikeFeed('<!doctype html><html><body><p>rss</p></body></html>'), false);
  assert.equal(looksLikeFeed('<?xml version="1.0"?><feedback>no</feedback>'), false);
  assert.equal(looksLikeFeed('A feed of news about the river.'), false);
});
