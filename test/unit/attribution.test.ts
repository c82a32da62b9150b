import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnotatedArticle, Attribution, BlockKind } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { makeArticle, withBlocks } from './annotate-helpers.ts';

/** Annotates body paragraphs (fictional text) as one article. */
function body(...paragraphs: string[]): AnnotatedArticle {
  const { text, blocks } = withBlocks(paragraphs.map((p): [BlockKind, string] => ['body', p]));
  return annotate(makeArticle(text, { blocks }));
}

function slice(doc: AnnotatedArticle, span: [number, number] | undefined): string | undefined {
  return span === undefined ? undefined : doc.article.text.slice(span[0], span[1]);
}

interface Expected {
  source?: string;
  cue: string;
  content: string;
  direct?: boolean;
  intermediary?: string;
}

function view(doc: AnnotatedArticle, a: Attribution): Expected {
  const out: Expected = {
    cue: a.cue.text,
    content: slice(doc, a.content.span) ?? '',
    direct: a.direct,
  };
  if (a.source.span) out.source = slice(doc, a.source.span);
  if (a.intermediary) out.intermediary = a.intermediary.text;
  return out;
}

const patterns: { name: string; text: string; expect: Expected[] }[] = [
  {
    name: 'SRC CUE that CONTENT',
    text: 'The harbour master said that the ferry would resume on Monday.',
    expect: [
      {
        source: 'The harbour master',
        cue: 'said',
        content: 'that the ferry would resume on Monday',
        direct: false,
      },
    ],
  },
  {
    name: '"CONTENT," SRC CUE',
    text: '“The water is safe to drink,” the utility said.',
    expect: [
      {
        source: 'the utility',
        cue: 'said',
        content: '“The water is safe to drink,”',
        direct: true,
      },
    ],
  },
  {
    name: '"CONTENT," CUE SRC with a description',
    text: '“We lost everything,” said Mara Olsen, 41, of Brookvale.',
    expect: [
      {
        source: 'Mara Olsen, 41, of Brookvale',
        cue: 'said',
        content: '“We lost everything,”',
        direct: true,
      },
    ],
  },
  {
    name: 'SRC CUE: "CONTENT"',
    text: 'The fire chief said: “Nobody was hurt.”',
    expect: [
      { source: 'The fire chief', cue: 'said', content: '“Nobody was hurt.”', direct: true },
    ],
  },
  {
    name: 'according to SRC, CONTENT',
    text: 'According to the county police, two lorries collided near the bridge.',
    expect: [
      {
        source: 'the county police',
        cue: 'According to',
        content: 'two lorries collided near the bridge',
        direct: false,
      },
    ],
  },
  {
    name: 'CONTENT, according to SRC',
    text: 'Two lorries collided near the bridge, according to the county police.',
    expect: [
      {
        source: 'the county police',
        cue: 'according to',
        content: 'Two lorries collided near the bridge',
        direct: false,
      },
    ],
  },
  {
    name: 'CONTENT, SRC said (postposed) with a time adjunct',
    text: 'The dam held through the night, the regional governor said on Tuesday.',
    expect: [
      {
        source: 'the regional governor',
        cue: 'said',
        content: 'The dam held through the night',
        direct: false,
      },
    ],
  },
  {
    name: 'appositive source and a speech-event adjunct',
    text: 'Lena Park, the agency spokeswoman, said in a statement that the audit was complete.',
    expect: [
      {
        source: 'Lena Park, the agency spokeswoman',
        cue: 'said',
        content: 'that the audit was complete',
      },
    ],
  },
  {
    name: 'relative clause between source and cue',
    text: 'The ministry, which runs the ports, has denied that any cargo was lost.',
    expect: [{ source: 'The ministry', cue: 'has denied', content: 'that any cargo was lost' }],
  },
  {
    name: 'told with an outlet as recipient makes the outlet an intermediary',
    text: 'Two officials told the Daily Ledger that the talks had stalled.',
    expect: [
      {
        source: 'Two officials',
        cue: 'told',
        content: 'that the talks had stalled',
        intermediary: 'the Daily Ledger',
      },
    ],
  },
  {
    name: 'told reporters keeps the audience in the cue',
    text: 'The captain told reporters the crew was safe.',
    expect: [{ source: 'The captain', cue: 'told reporters', content: 'the crew was safe' }],
  },
  {
    name: 'claimed responsibility via a channel',
    text: 'The Red Hand group claimed responsibility for the blast via its messaging channel.',
    expect: [
      {
        source: 'The Red Hand group',
        cue: 'claimed',
        content: 'responsibility for the blast',
        intermediary: 'its messaging channel',
      },
    ],
  },
  {
    name: 'coordinated clauses each with a reporting verb',
    text: 'The union has claimed victory, and the employers have said that talks will go on.',
    expect: [
      { source: 'The union', cue: 'has claimed', content: 'victory' },
      { source: 'the employers', cue: 'have said', content: 'that talks will go on' },
    ],
  },
  {
    name: 'particle verb: pointed out that',
    text: 'The auditor pointed out that the accounts were late.',
    expect: [{ source: 'The auditor', cue: 'pointed out', content: 'that the accounts were late' }],
  },
  {
    name: 'criticism verb with its particle: railed against',
    text: 'The senator railed against the new toll on the coast road.',
    expect: [
      { source: 'The senator', cue: 'railed against', content: 'the new toll on the coast road' },
    ],
  },
  {
    name: 'criticism verb with an object: lambasted',
    text: 'The councillor lambasted the plan as a waste of money.',
    expect: [
      { source: 'The councillor', cue: 'lambasted', content: 'the plan as a waste of money' },
    ],
  },
  {
    name: 'attitude verb with a bare clause: reckon',
    text: 'Local fishermen reckon the new quota will not hold.',
    expect: [{ source: 'Local fishermen', cue: 'reckon', content: 'the new quota will not hold' }],
  },
  {
    name: 'question verb: wondered whether',
    text: 'The mayor wondered whether the bridge would open.',
    expect: [{ source: 'The mayor', cue: 'wondered', content: 'whether the bridge would open' }],
  },
  {
    name: 'regular forms of an irregular entry: stressed',
    text: 'The coach stressed that the team was ready.',
    expect: [{ source: 'The coach', cue: 'stressed', content: 'that the team was ready' }],
  },
  {
    name: 'raising passive with no named holder: is expected to',
    text: 'The ferry is expected to resume on Monday.',
    expect: [{ cue: 'is expected', content: 'The ferry is expected to resume on Monday' }],
  },
  {
    name: 'raising passive whose subject holds a clause set off by commas',
    text: 'The ferry, which has been idle since March, is widely expected to resume on Monday.',
    expect: [
      {
        cue: 'is widely expected',
        content:
          'The ferry, which has been idle since March, is widely expected to resume on Monday',
      },
    ],
  },
  {
    name: 'verb of regarding with an object and an "as" complement: sees X as Y',
    text: 'Most islanders see the new harbour fee as unfair.',
    expect: [{ source: 'Most islanders', cue: 'see', content: 'the new harbour fee as unfair' }],
  },
  {
    name: 'judgement verb with a plain object: welcomed X',
    text: 'The harbour board welcomed the ruling.',
    expect: [{ source: 'The harbour board', cue: 'welcomed', content: 'the ruling' }],
  },
  {
    name: "judgement verb with a plain object in the first person speaks in no one else's voice",
    text: 'We welcome the new ferry.',
    expect: [],
  },
  {
    name: 'praise verb with a plain object: hailed X',
    text: 'The mayor hailed the ruling.',
    expect: [{ source: 'The mayor', cue: 'hailed', content: 'the ruling' }],
  },
  {
    name: 'manner-of-speaking verb after a quotation: “...,” SRC barked',
    text: '“Keep off the pier,” the guard barked.',
    expect: [{ source: 'the guard', cue: 'barked', content: '“Keep off the pier,”', direct: true }],
  },
  {
    name: 'manner-of-speaking verb with no quotation or clause is no report',
    text: 'The dogs barked all night.',
    expect: [],
  },
  {
    name: '"answered" a thing is no report',
    text: 'The porter answered the door.',
    expect: [],
  },
  {
    name: 'action verb with its particle reports a stance: voted against X',
    text: 'Two councillors voted against the harbour fee.',
    expect: [{ source: 'Two councillors', cue: 'voted against', content: 'the harbour fee' }],
  },
  {
    name: 'action verb without its particle reports nothing: voted on a day, pushed a cart',
    text: 'The councillors voted on Tuesday. The porter pushed the cart up the pier.',
    expect: [],
  },
  {
    name: 'a subject whose head is a cue word read as a noun: refugee advocates said',
    text: 'Other harbour advocates said the ferry should run at night.',
    expect: [
      {
        source: 'Other harbour advocates',
        cue: 'said',
        content: 'the ferry should run at night',
      },
    ],
  },
  {
    name: 'a singular "-ing" cue noun still ends the subject: the warning echoed …',
    text: 'The warning echoed an earlier one from the coast guard.',
    expect: [],
  },
  {
    name: 'a byline credit or a bare time after the cue is no content',
    text: 'Dana Holt reported from Ely. The Harbour Gazette reported late Thursday.',
    expect: [],
  },
  {
    name: 'a time phrase before a that-clause leaves the clause as content',
    text: 'The Harbour Gazette reported a few days later that the pier had closed.',
    expect: [
      {
        source: 'The Harbour Gazette',
        cue: 'reported',
        content: 'a few days later that the pier had closed',
      },
    ],
  },
  {
    name: 'a share of a polled group as subject: nearly a third said',
    text: 'Nearly a third said they had never taken the ferry.',
    expect: [{ source: 'Nearly a third', cue: 'said', content: 'they had never taken the ferry' }],
  },
  {
    name: 'verb of perception with "as well as" after its object is no view',
    text: 'The pilots saw the harbour lights as well as the pier.',
    expect: [],
  },
  {
    name: 'passive of regarding with an "as" complement: is seen as',
    text: 'The new timetable was widely seen as a concession to the island.',
    expect: [
      {
        cue: 'was widely seen',
        content: 'The new timetable was widely seen as a concession to the island',
      },
    ],
  },
  {
    name: 'a stance adjective with "to" after an adverb stays its subject\'s stance',
    text: 'The harbour board is strongly opposed to the new timetable.',
    expect: [
      {
        source: 'The harbour board',
        cue: 'is strongly opposed',
        content: 'to the new timetable',
      },
    ],
  },
  {
    name: 'report tag the tagger reads as a noun: “...,” NAME notes',
    text: '“The pier is unsafe,” Marlow notes.',
    expect: [{ source: 'Marlow', cue: 'notes', content: '“The pier is unsafe,”', direct: true }],
  },
  {
    name: 'object then a to-infinitive: wants X to',
    text: 'The council wants residents to recycle more glass.',
    expect: [{ source: 'The council', cue: 'wants', content: 'residents to recycle more glass' }],
  },
  {
    name: 'a document as the subject of an evidence verb: survey shows',
    text: 'A new survey shows the ferry line losing riders.',
    expect: [{ source: 'A new survey', cue: 'shows', content: 'the ferry line losing riders' }],
  },
  {
    name: 'cited with an object',
    text: 'The harbour master cited rising fuel costs.',
    expect: [{ source: 'The harbour master', cue: 'cited', content: 'rising fuel costs' }],
  },
  {
    name: 'participle that labels: , calling X a Y',
    text: 'The captain quit, calling the harbour master a coward.',
    expect: [{ source: 'The captain', cue: 'calling', content: 'the harbour master a coward' }],
  },
  {
    name: 'saying participle after a noun, with a that-clause',
    text: 'Callers saying that the bridge had cracked jammed the hotline.',
    expect: [
      {
        source: 'Callers',
        cue: 'saying',
        content: 'that the bridge had cracked jammed the hotline',
      },
    ],
  },
  {
    name: 'raising passive of ask: was asked to',
    text: 'The mayor was asked to explain the delay.',
    expect: [{ cue: 'was asked', content: 'The mayor was asked to explain the delay' }],
  },
  {
    name: 'an attitude inside reported speech belongs to the report',
    text: 'Lee said she believes the vote was fair.',
    expect: [{ source: 'Lee', cue: 'said', content: 'she believes the vote was fair' }],
  },
  {
    name: 'an attitude on its own is an attribution',
    text: 'Lee believes the vote was fair.',
    expect: [{ source: 'Lee', cue: 'believes', content: 'the vote was fair' }],
  },
  {
    name: 'reduced question clause: Asked whether X, ...',
    text: 'Asked whether the ferry would run, the captain said no.',
    expect: [{ cue: 'Asked', content: 'whether the ferry would run' }],
  },
  {
    name: 'light verb with clear: has made it clear that',
    text: 'The minister has made it clear that the toll will stay.',
    expect: [
      { source: 'The minister', cue: 'has made it clear', content: 'that the toll will stay' },
    ],
  },
  {
    name: 'elided subject of a second reporting verb',
    text: 'The mayor has acknowledged the delay, but has also claimed that the budget is intact.',
    expect: [
      { source: 'The mayor', cue: 'has acknowledged', content: 'the delay' },
      { source: 'The mayor', cue: 'has also claimed', content: 'that the budget is intact' },
    ],
  },
  {
    name: 'a stance verb with a plain object',
    text: 'Most harbour workers oppose the new tolls.',
    expect: [{ source: 'Most harbour workers', cue: 'oppose', content: 'the new tolls' }],
  },
  {
    name: 'a gerund after "by" reports for the clause subject',
    text: 'The mayor angered fishermen by saying that the quay would close in winter.',
    expect: [
      { source: 'The mayor', cue: 'saying', content: 'that the quay would close in winter' },
    ],
  },
  {
    name: 'a comma before a quotation after an "Asked about" clause opens the content',
    text: 'Asked about the delay, the harbour master said, “The crane broke twice.”',
    expect: [
      {
        source: 'the harbour master',
        cue: 'said',
        content: '“The crane broke twice.”',
        direct: true,
      },
    ],
  },
  {
    name: 'a passive "was asked" with an indirect question',
    text: 'The pilot was asked whether the channel was safe at night.',
    expect: [{ cue: 'was asked', content: 'whether the channel was safe at night' }],
  },
  {
    name: 'hearsay "reportedly" with no other cue',
    text: 'The council is reportedly weighing a new toll on the bridge.',
    expect: [
      {
        cue: 'reportedly',
        content: 'The council is reportedly weighing a new toll on the bridge',
      },
    ],
  },
  {
    name: '"reportedly" inside a reporting verb group stays with the verb',
    text: 'The crew reportedly said the engine had failed.',
    expect: [{ source: 'The crew', cue: 'reportedly said', content: 'the engine had failed' }],
  },
  {
    name: 'the subject of "seems" is the topic, not the holder',
    text: 'The new ferry plan seems to please most of the islanders.',
    expect: [{ cue: 'seems', content: 'The new ferry plan seems to please most of the islanders' }],
  },
  {
    name: 'a participle after a clause takes that clause subject, not an introductory place',
    text: 'Speaking at a town hall in Salem, New Hampshire, Lee went after Roe, calling him “a total stiff.”',
    expect: [{ source: 'Lee', cue: 'calling', content: 'him “a total stiff.”' }],
  },
  {
    name: 'a light verb and a noun of speech make one cue',
    text: 'The union raised concerns over the new rota.',
    expect: [{ source: 'The union', cue: 'raised concerns over', content: 'the new rota' }],
  },
  {
    name: '"called" with a pronoun object and an adjective',
    text: 'The mayor called him reckless after the vote.',
    expect: [{ source: 'The mayor', cue: 'called', content: 'him reckless after the vote' }],
  },
  {
    name: 'a document noun before "show" keeps the verb reading',
    text: 'Port records show the ferry left late on most days.',
    expect: [{ source: 'Port records', cue: 'show', content: 'the ferry left late on most days' }],
  },
  {
    name: 'a clause "in" a particular poll cites the poll',
    text: 'Lee leads Roe by eight points in the latest Harbour Gazette poll.',
    expect: [
      {
        source: 'the latest Harbour Gazette poll',
        cue: 'in',
        content: 'Lee leads Roe by eight points',
      },
    ],
  },
  {
    name: 'a participle after a quotation whose comma sits inside it',
    text: 'The mayor said the plan was “the only way to save the pier,” adding that the council agreed.',
    expect: [
      {
        source: 'The mayor',
        cue: 'said',
        content: 'the plan was “the only way to save the pier,”',
      },
      { source: 'The mayor', cue: 'adding', content: 'that the council agreed' },
    ],
  },
  {
    name: 'a participle opening the sentence takes the subject after its clause',
    text: 'Noting that only one senator voted with them, Lee added: “That is the problem.”',
    expect: [
      { source: 'Lee', cue: 'Noting', content: 'that only one senator voted with them' },
      { source: 'Lee', cue: 'added', content: '“That is the problem.”' },
    ],
  },
  {
    name: 'an adverb inside the verb group is not the source',
    text: 'The legion has twice complained that the emblem was misused.',
    expect: [
      {
        source: 'The legion',
        cue: 'has twice complained',
        content: 'that the emblem was misused',
      },
    ],
  },
  {
    name: 'a passive with an adverb before the participle keeps its agent',
    text: 'The meeting was first reported by the Harbour Gazette.',
    expect: [{ source: 'the Harbour Gazette', cue: 'was first reported', content: 'The meeting' }],
  },
  {
    name: '"told" after a quotation takes its hearer, not an inverted subject',
    text: '“We were wrong,” Roe, a harbour pilot, told the Gazette in an interview on Monday.',
    expect: [{ source: 'Roe, a harbour pilot', cue: 'told', content: '“We were wrong,”' }],
  },
  {
    name: '"be" and a stance adjective report the subject stance',
    text: 'The mayor was deeply skeptical of the plan.',
    expect: [{ source: 'The mayor', cue: 'was deeply skeptical of', content: 'the plan' }],
  },
  {
    name: 'a stance adjective with a that-clause',
    text: 'The union is confident that the pier will reopen.',
    expect: [{ source: 'The union', cue: 'is confident', content: 'that the pier will reopen' }],
  },
  {
    name: 'a text that "read" a quotation',
    text: 'The sign on the gate read: “No entry after dark.”',
    expect: [
      {
        source: 'The sign on the gate',
        cue: 'read',
        content: '“No entry after dark.”',
        direct: true,
      },
    ],
  },
  {
    name: '"went on to say" is one verb group',
    text: 'The mayor went on to say that the pier would reopen.',
    expect: [{ source: 'The mayor', cue: 'went on to say', content: 'that the pier would reopen' }],
  },
  {
    name: 'a cue verb with its particle',
    text: 'The ferry company apologized for the long delays at the northern pier.',
    expect: [
      {
        source: 'The ferry company',
        cue: 'apologized for',
        content: 'the long delays at the northern pier',
      },
    ],
  },
  {
    name: "''CONTENT,'' SRC CUE (two-apostrophe marks)",
    text: "''The water is safe to drink,'' the utility said.",
    expect: [
      {
        source: 'the utility',
        cue: 'said',
        content: "''The water is safe to drink,''",
        direct: true,
      },
    ],
  },
  {
    name: "``CONTENT,'' CUE SRC (backtick marks)",
    text: "``We lost everything,'' said Mara Olsen, 41, of Brookvale.",
    expect: [
      {
        source: 'Mara Olsen, 41, of Brookvale',
        cue: 'said',
        content: "``We lost everything,''",
        direct: true,
      },
    ],
  },
  {
    name: "SRC CUE, ''CONTENT'' with a nested single quotation closing in '''",
    text: "The ferry captain said, ''The sign read 'closed until spring.'''",
    expect: [
      {
        source: 'The ferry captain',
        cue: 'said',
        content: "''The sign read 'closed until spring.'''",
        direct: true,
      },
    ],
  },
  {
    name: "SRC CUE, ''ONE WORD'': a whole one-word quotation set off by a comma",
    text: "The harbour master shook her head and said, ''No.''",
    expect: [{ source: 'The harbour master', cue: 'said', content: "''No.''", direct: true }],
  },
  {
    name: 'a verb of manner of speaking after a quotation',
    text: '“The pier is gone,” a fisherman exclaimed on Sunday.',
    expect: [
      { source: 'a fisherman', cue: 'exclaimed', content: '“The pier is gone,”', direct: true },
    ],
  },
  {
    name: '"CONTENT," CUE SRC with a lower-case title before the name',
    text: '“We will win the vote,” said retired surgeon Ben Lane.',
    expect: [
      {
        source: 'retired surgeon Ben Lane',
        cue: 'said',
        content: '“We will win the vote,”',
        direct: true,
      },
    ],
  },
  {
    name: 'plural possessives are no quotation marks: the report stays indirect',
    text: "The union said the teachers' offices and the clerks' rooms would reopen.",
    expect: [
      {
        source: 'The union',
        cue: 'said',
        content: "the teachers' offices and the clerks' rooms would reopen",
        direct: false,
      },
    ],
  },
  {
    name: 'a participle after "and" shares the subject of the participle before it',
    text: 'The mayor spoke for an hour, praising the volunteers and calling for a new sea wall.',
    expect: [
      { source: 'The mayor', cue: 'praising', content: 'the volunteers', direct: false },
      { source: 'The mayor', cue: 'calling for', content: 'a new sea wall', direct: false },
    ],
  },
  {
    name: 'a coordinated participle with nothing reported after it is no attribution',
    text: 'The children ran along the pier, laughing and shouting.',
    expect: [],
  },
  {
    name: 'a bare speech tag after a quotation that ends its own sentence takes the quotation',
    text: '“Who will pay for the new pier?” Ana Lee asked on Monday.',
    expect: [
      {
        source: 'Ana Lee',
        cue: 'asked',
        content: '“Who will pay for the new pier?”',
        direct: true,
      },
    ],
  },
  {
    name: 'a sentence with its own clause after a quotation keeps its own content',
    text: '“Who will pay for the new pier?” The mayor said the council would.',
    expect: [{ source: 'The mayor', cue: 'said', content: 'the council would', direct: false }],
  },
  {
    name: 'after a preposed adjunct, "urged X to Y" reports "X to Y", not the adjunct',
    text: 'On Monday, the harbour board urged residents to stay indoors.',
    expect: [
      {
        source: 'the harbour board',
        cue: 'urged',
        content: 'residents to stay indoors',
        direct: false,
      },
    ],
  },
  {
    name: '"CONTENT," SRC urged (adjunct): with no infinitive the quotation stays the content',
    text: '“Stay indoors,” the harbour board urged on Monday.',
    expect: [
      { source: 'the harbour board', cue: 'urged', content: '“Stay indoors,”', direct: true },
    ],
  },
  {
    name: 'a sentence break inside a party-and-state tag (D-N.Y.) does not cut the source off',
    text: 'Rep. Ana Lee (D-N.Y.) said the ferry would run again in May.',
    expect: [
      {
        source: 'Rep. Ana Lee (D-N.Y.)',
        cue: 'said',
        content: 'the ferry would run again in May',
        direct: false,
      },
    ],
  },
  {
    name: 'a sentence ending in an initial stays apart from the next sentence',
    text: 'The ferry was named for Ana B. Lee. She said it would run again in May.',
    expect: [{ source: 'She', cue: 'said', content: 'it would run again in May', direct: false }],
  },
  {
    name: 'a cue word the tagger reads as a noun is a verb after a name and before "that"',
    text: 'Port Weekly notes that the pier may close in May.',
    expect: [
      {
        source: 'Port Weekly',
        cue: 'notes',
        content: 'that the pier may close in May',
        direct: false,
      },
    ],
  },
  {
    name: 'a programme named after "show" is no report',
    text: 'She starred in the cooking show “Harbour Kitchen” for years.',
    expect: [],
  },
  {
    name: '"say" after a count or a bare quantifier is a verb ("Six in 10 say")',
    text: 'Six in 10 say the ferry should run on Sundays.',
    expect: [
      {
        source: 'Six in 10',
        cue: 'say',
        content: 'the ferry should run on Sundays',
        direct: false,
      },
    ],
  },
  {
    name: '"say" after a determiner stays a noun ("the final say")',
    text: 'Residents will have the final say on the ferry timetable.',
    expect: [],
  },
  {
    name: '"when asked by X whether ...": the asker is the source, the question the content',
    text: 'When asked by a reporter whether the pier would reopen, the mayor smiled.',
    expect: [
      {
        source: 'a reporter',
        cue: 'asked',
        content: 'whether the pier would reopen',
        direct: false,
      },
    ],
  },
  {
    name: '"asked by X" with no question after it is no attribution',
    text: 'When asked by a reporter, the mayor smiled.',
    expect: [],
  },
  {
    name: 'an evidence verb after a subject holding a document noun ("a review by X shows")',
    text: 'A review by the Harbour Gazette showed a sharp drop in ferry use.',
    expect: [
      {
        source: 'A review by the Harbour Gazette',
        cue: 'showed',
        content: 'a sharp drop in ferry use',
        direct: false,
      },
    ],
  },
  {
    name: '"expect" with a plain object reports an expectation of its subject',
    text: 'Port officials are expecting a record number of visitors.',
    expect: [
      {
        source: 'Port officials',
        cue: 'are expecting',
        content: 'a record number of visitors',
        direct: false,
      },
    ],
  },
  {
    name: '"show" with a plain object and no document subject narrates',
    text: 'The captain of the harbour ferry showed the visitors around.',
    expect: [],
  },
  {
    name: 'an absolute "with" clause: the noun phrase after "with" is the subject of the participle',
    text: 'The vote passed, with the mayor of Ely warning that ferry fares would rise.',
    expect: [
      {
        source: 'the mayor of Ely',
        cue: 'warning',
        content: 'that ferry fares would rise',
        direct: false,
      },
    ],
  },
  {
    name: 'a participle after "with" and a verb is no absolute clause',
    text: 'The crew came back with nothing left, waving at the crowd.',
    expect: [],
  },
  {
    name: 'after a preposed adjunct, "pledged to Y" reports "to Y", not the adjunct',
    text: 'In May, the ferry company pledged to restore the Sunday service.',
    expect: [
      {
        source: 'the ferry company',
        cue: 'pledged',
        content: 'to restore the Sunday service',
        direct: false,
      },
    ],
  },
  {
    name: 'a verbless phrase before the subject is an adjunct, not the content',
    text: 'In Nevada, the mayor reminded voters of the years she had lived there.',
    expect: [
      {
        source: 'the mayor',
        cue: 'reminded voters',
        content: 'the years she had lived there',
        direct: false,
      },
    ],
  },
  {
    name: 'a clause before the subject stays the content of a postposed report',
    text: 'The pier will reopen in June, harbour officials said on Monday.',
    expect: [
      {
        source: 'harbour officials',
        cue: 'said',
        content: 'The pier will reopen in June',
        direct: false,
      },
    ],
  },
  {
    name: 'a verbless opener before "according to" is no content: the clause after it is',
    text: 'In addition, according to the port authority, the ferry will run on Sundays.',
    expect: [
      {
        source: 'the port authority',
        cue: 'according to',
        content: 'the ferry will run on Sundays',
        direct: false,
      },
    ],
  },
  {
    name: 'a verbless adjunct ending in a quoted programme title is not the content',
    text: 'Sunday on the Morning Show’s “Face the Week,” Lee said that the pier would reopen.',
    expect: [{ source: 'Lee', cue: 'said', content: 'that the pier would reopen', direct: false }],
  },
  {
    name: 'an adverbial clause before the subject is not the content when the cue has its own',
    text: 'If she becomes mayor, Ana Lee promised, ferries will run free on Sundays.',
    expect: [
      {
        source: 'Ana Lee',
        cue: 'promised',
        content: 'ferries will run free on Sundays',
        direct: false,
      },
    ],
  },
  {
    name: 'a postposed report keeps an opening adverbial clause in its content',
    text: 'Because the pier is closed, ferries will not run, the mayor said on Monday.',
    expect: [
      {
        source: 'the mayor',
        cue: 'said',
        content: 'Because the pier is closed, ferries will not run',
        direct: false,
      },
    ],
  },
  {
    name: 'SRC, APPOSITIVE, stance verb OBJECT: the phrase after the verb is no inverted source',
    text: 'Dana Holt of Ely, a councillor who once ran the ferry, denounced the new harbour fees.',
    expect: [
      {
        source: 'Dana Holt of Ely, a councillor who once ran the ferry',
        cue: 'denounced',
        content: 'the new harbour fees',
        direct: false,
      },
    ],
  },
  {
    name: 'CONTENT, said SRC: a verb of saying inverts after a plain clause',
    text: 'Fares will rise in the spring, said the ferry company.',
    expect: [
      {
        source: 'the ferry company',
        cue: 'said',
        content: 'Fares will rise in the spring',
        direct: false,
      },
    ],
  },
];

for (const c of patterns) {
  test(`attribution pattern: ${c.name}`, () => {
    const doc = body(c.text);
    const got = doc.attributions.map((a) => view(doc, a));
    assert.equal(got.length, c.expect.length, JSON.stringify(got));
    c.expect.forEach((e, i) => {
      const g = got[i] as Expected;
      assert.equal(g.source, e.source);
      assert.equal(g.cue, e.cue);
      assert.equal(g.content, e.content);
      if (e.direct !== undefined) assert.equal(g.direct, e.direct);
      if (e.intermediary !== undefined) assert.equal(g.intermediary, e.intermediary);
    });
  });
}

test('attribution: a possessor and a noun of criticism with its object make a nominal attribution', () => {
  const doc = body('Lee’s attacks on the harbour board drew a sharp reply.');
  assert.deepEqual(
    doc.attributions.map((a) => view(doc, a)),
    [{ source: 'Lee', cue: 'attacks on', content: 'the harbour board', direct: false }],
  );
});

test('attribution: a title-case headline ending in "SRC Finds" is read', () => {
  const { text, blocks } = withBlocks([
    ['title', 'Ferry Fares Will Rise Next Year, Port Board Finds'],
    ['body', 'The board met on Monday.'],
  ]);
  const doc = annotate(makeArticle(text, { blocks }));
  assert.deepEqual(
    doc.attributions.map((a) => view(doc, a)),
    [
      {
        source: 'Port Board',
        cue: 'Finds',
        content: 'Ferry Fares Will Rise Next Year',
        direct: false,
      },
    ],
  );
});

test('attribution: a capitalised cue word in a sentence-case headline is a name', () => {
  const { text, blocks } = withBlocks([
    ['title', 'Lighthouse keeper Will Says retires after forty years'],
    ['body', 'The keeper left on Monday.'],
  ]);
  const doc = annotate(makeArticle(text, { blocks }));
  assert.deepEqual(doc.attributions, []);
});

test('attribution: a possessor and a that-clause make a nominal attribution', () => {
  const doc = body('Lee’s warning that prices would rise went unheeded.');
  const [a] = doc.attributions;
  assert.equal(doc.attributions.length, 1);
  assert.equal(a?.source.text, 'Lee');
  assert.equal(a?.cue.text, 'warning');
});

// Texts that must NOT produce an attribution.
const negatives: { name: string; text: string }[] = [
  {
    name: 'a report as a noun',
    text: 'The annual report of the harbour board runs to ninety pages.',
  },
  { name: 'claims as a noun', text: 'His claims of a cover-up were never tested in court.' },
  { name: 'a warning with no possessor', text: 'A warning that roads may ice over was issued.' },
  {
    name: 'a scare quote with no speaker',
    text: 'The so-called “green corridor” opened in spring.',
  },
  { name: 'thanks to is a preposition', text: 'The ferry arrived early thanks to calm seas.' },
  {
    name: 'a plain event sentence',
    text: 'Heavy rain flooded three streets in the old town on Sunday.',
  },
  {
    name: '"think tank" is a noun',
    text: 'A think tank in the capital published new rent figures.',
  },
  { name: '"claim form" is a noun', text: 'Residents must fill in the claim form by Friday.' },
  { name: '"attack ads" is a noun', text: 'The campaign is facing attack ads in the north.' },
  { name: '"point" without its particle', text: 'The guide pointed the way to the harbour.' },
  {
    name: '"support for" names a position, not a statement',
    text: 'Her support for the bill was never in doubt.',
  },
  {
    name: 'a participle with a noun object is not a report',
    text: 'The men saying grace sat down.',
  },
  {
    name: '"made X clear" without a that-clause',
    text: 'The new glass made the room clear and bright.',
  },
  { name: '"asked for" a thing is a request, not a report', text: 'The clerk asked for a pen.' },
  {
    name: 'a reduced "asked about" names a topic, not a question',
    text: 'The mayor smiled when asked about the budget.',
  },
  { name: '"called" with a plain object', text: 'They called the police at once.' },
  { name: '"notes" as a noun', text: 'The court notes were sealed.' },
  {
    name: '"want" with a plain object states no content',
    text: 'The council wants a new harbour.',
  },
  { name: '"voices" as a noun', text: 'New voices joined the choir this spring.' },
  {
    name: '"offered" a thing is not a report',
    text: 'The baker offered fresh bread to the guests.',
  },
  { name: '"saw" a thing is not a report', text: 'The pilot saw the lighthouse at dawn.' },
  { name: '"allegedly" is not read as a cue', text: 'The ship allegedly carried stolen grain.' },
  { name: '"open" with a time is not a stance', text: 'The shop is open on Sunday mornings.' },
  {
    name: '"read" a thing is not a report',
    text: 'She read the harbour report twice before the meeting.',
  },
  {
    name: '"think tank" is a noun',
    text: 'The harbour think tank moved to a new office near the quay.',
  },
  { name: 'a stance adjective with no link word', text: 'The crew was nervous.' },
  {
    name: '"in the polls" at large cites no poll',
    text: 'The mayor slid in the polls after the storm.',
  },
  {
    name: '"going to the polls" is voting, not a poll',
    text: 'Most voters in five towns going to the polls on Tuesday backed the ferry.',
  },
  {
    name: 'a light verb with a noun that is not speech',
    text: 'The club raised funds for the pier.',
  },
  {
    name: '"made a case" for a box is not speech',
    text: 'The carpenter made a case of polished oak for the old clock.',
  },
  {
    name: 'an adjective phrase is not a report',
    text: 'Wary of the storm, the captain turned back.',
  },
  { name: 'a first-person stance is not a report', text: 'I remember the old pier and its lamps.' },
  {
    name: 'a gerund with a plain object after "by" is narration',
    text: 'The crew finished by painting the hull.',
  },
  {
    name: 'an infinitive reporting verb has no subject here',
    text: 'Voters are more likely to describe the plan as fair.',
  },
  {
    name: 'a one-word quotation not set off by a comma or colon is a fragment',
    text: 'The mayor said “maybe”.',
  },
  {
    name: 'a verb of manner of speaking with no quotation or clause is narration',
    text: 'Fans screamed as the band arrived at the pier.',
  },
  {
    name: 'an adjunct after an inverted cue is no lower-case title of a source',
    text: '“We will win the vote,” said today in Ohio.',
  },
];

for (const c of negatives) {
  test(`attribution negative: ${c.name}`, () => {
    const doc = body(c.text);
    assert.deepEqual(
      doc.attributions.map((a) => view(doc, a)),
      [],
    );
  });
}

test('attribution: "This was reported to X by three sources" attributes the previous sentence', () => {
  const doc = body(
    'The port authority warned shipping firms about a possible strike.',
    'This was reported to the Coastal Herald by three sources.',
    'One of the sources said that the strike could last a week.',
    'A second source said the unions had not voted yet.',
  );
  const text = doc.article.text;
  const [warned, reported, first, second] = doc.attributions;
  assert.ok(warned && reported && first && second);
  assert.equal(reported.source.text, 'three sources');
  assert.equal(reported.source.count, 3);
  assert.equal(reported.source.anonymous, true);
  assert.equal(reported.intermediary?.text, 'the Coastal Herald');
  assert.equal(
    text.slice(reported.content.span[0], reported.content.span[1]),
    'The port authority warned shipping firms about a possible strike.',
  );
  // The earlier sentence's attribution nests under the passive report.
  assert.equal(warned.parentId, reported.id);
  // Later members of the group are linked to it and keep its relay.
  for (const member of [first, second]) {
    assert.equal(member.source.memberOf, reported.id);
    assert.equal(member.source.count, 1);
    assert.equal(member.source.anonymous, true);
    assert.equal(member.intermediary?.text, 'the Coastal Herald');
  }
  assert.equal(second.modality, 'negated');
});

test('attribution: "SRC said X, OUTLET reported" nests the sources under the outlet', () => {
  const doc = body(
    'Two engineers said the dam had cracked, the Valley Courier reported on Monday.',
    'One said: “We saw water coming through.”',
  );
  const [engineers, courier, one] = doc.attributions;
  assert.ok(engineers && courier && one);
  assert.equal(courier.source.text, 'the Valley Courier');
  assert.equal(engineers.parentId, courier.id);
  assert.equal(engineers.intermediary?.text, 'the Valley Courier');
  assert.equal(engineers.source.count, 2);
  assert.equal(one.source.memberOf, engineers.id);
  assert.equal(one.intermediary?.text, 'the Valley Courier');
  assert.equal(one.direct, true);
});

test('attribution: a stance or act inside reported content is part of it, not its own statement', () => {
  const doc = body('The ferry captain said the harbour board had criticized the new timetable.');
  assert.deepEqual(
    doc.attributions.map((a) => [a.cue.text, slice(doc, a.content.span)]),
    [['said', 'the harbour board had criticized the new timetable']],
  );
  const recalled = body(
    'A dock worker recalled that the foreman had promised to fix the crane before winter.',
  );
  assert.deepEqual(
    recalled.attributions.map((a) => a.cue.text),
    ['recalled'],
  );
});

test('attribution: a verb of saying inside reported content keeps its own nested attribution', () => {
  const doc = body('The ferry captain said the harbour board had announced a new timetable.');
  const outer = doc.attributions.find((a) => a.cue.text === 'said');
  const inner = doc.attributions.find((a) => a.cue.text === 'had announced');
  assert.ok(outer && inner);
  assert.equal(inner.parentId, outer.id);
  assert.equal(slice(doc, inner.source.span), 'the harbour board');
  // Outside any report, the same stance is an attribution of its own.
  const alone = body('The harbour board criticized the new timetable on Friday.');
  assert.deepEqual(
    alone.attributions.map((a) => [slice(alone, a.source.span), a.cue.text]),
    [['The harbour board', 'criticized']],
  );
});

test('attribution: "SRC said:" ending a paragraph takes the quotation that opens the next one', () => {
  const doc = body(
    'The lock keeper had seen floods before. She said:',
    '“The river rose faster this time. We had an hour, not a day.”',
  );
  assert.deepEqual(
    doc.attributions.map((a) => [
      slice(doc, a.source.span),
      a.cue.text,
      slice(doc, a.content.span),
    ]),
    [['She', 'said', '“The river rose faster this time. We had an hour, not a day.”']],
  );
  // Before a paragraph of plain prose the colon joins nothing: no quotation, no content.
  const plain = body('The lock keeper was asked why. She said:', 'Rain, snow melt and a weir.');
  assert.deepEqual(plain.attributions, []);
});

test('attribution: a speech tag with an adjunct after a closed quotation belongs to it', () => {
  const doc = body(
    '“We will reopen the bridge by May!” Mayor Ann Holt said as she cut the ribbon.',
  );
  assert.deepEqual(
    doc.attributions.map((a) => [
      slice(doc, a.source.span),
      a.cue.text,
      slice(doc, a.content.span),
    ]),
    [['Mayor Ann Holt', 'said', '“We will reopen the bridge by May!”']],
  );
  // With a that-clause after it the sentence reports something of its own.
  const own = body(
    '“We will reopen the bridge by May!” The mayor said in June that it would wait.',
  );
  const said = own.attributions.find((a) => a.cue.text === 'said');
  assert.equal(slice(own, said?.content.span), 'that it would wait');
});

test('attribution: a statement inside a quotation nests under the speaker', () => {
  const doc = body(
    '“The crew was warned. One of the divers said that the hull was weak,” the inspector said.',
  );
  const inner = doc.attributions.find((a) => a.source.text === 'One of the divers');
  const outer = doc.attributions.find((a) => a.source.text === 'the inspector');
  assert.ok(inner && outer);
  assert.equal(inner.parentId, outer.id);
  assert.equal(inner.intermediary?.text, 'the inspector');
  const quote = doc.quotes[0];
  assert.equal(quote?.attributionId, outer.id);
});

test('attribution: an act named inside a quotation is what the speaker says, not a statement of its own', () => {
  const doc = body(
    'A deckhand told the inquiry: “I saw the men who attacked the lighthouse. They left by boat.”',
  );
  assert.deepEqual(
    doc.attributions.map((a) => [slice(doc, a.source.span), a.cue.text]),
    [['A deckhand', 'told']],
  );
  // A verb of saying inside the quotation still nests (the case above).
});

test('attribution: quotations as content end before a phrase of manner, place or time', () => {
  const doc = body(
    'One of the guards shouted "Get down" and "Stay inside" in Spanish during the raid.',
  );
  const [a] = doc.attributions;
  assert.equal(doc.attributions.length, 1);
  assert.equal(slice(doc, a!.content.span), '"Get down" and "Stay inside"');
  assert.equal(a!.direct, true);
  // Words after a quotation that go on the clause (no preposition) are left as they were.
  const plain = body('The mayor said "no comment" was all she would offer.');
  assert.ok(plain.attributions.length > 0);
  assert.ok(plain.attributions.every((x) => slice(plain, x.content.span) !== '"no comment"'));
});

test('attribution: a video released by X showed Y saying: X relays Y', () => {
  const doc = body(
    'A video released by the coast guard showed one of the rescued sailors saying: “We had no radio.”',
  );
  assert.equal(doc.attributions.length, 1);
  const [a] = doc.attributions;
  assert.equal(a?.source.text, 'one of the rescued sailors');
  assert.equal(a?.cue.text, 'saying');
  assert.equal(a?.intermediary?.text, 'the coast guard');
});

test('attribution: impersonal "it has been reported" has no source span', () => {
  const doc = body('The plant will close next year, it has been reported.');
  const a = doc.attributions.find((x) => x.cue.text === 'has been reported');
  assert.ok(a);
  assert.equal(a.source.span, undefined);
  assert.equal(a.source.anonymous, true);
  assert.equal(
    doc.article.text.slice(a.content.span[0], a.content.span[1]),
    'The plant will close next year',
  );
});

const modalities: { text: string; modality: Attribution['modality'] }[] = [
  { text: 'The pilot said that the engine failed.', modality: 'reported' },
  { text: 'The pilot said that the engine may have failed.', modality: 'hedged' },
  { text: 'The airline claimed that the engine failed.', modality: 'hedged' },
  { text: 'The pilot said: “I do not know what happened.”', modality: 'negated' },
  { text: 'The airline denied that the engine failed.', modality: 'negated' },
];

for (const c of modalities) {
  test(`attribution modality: ${c.modality} in "${c.text}"`, () => {
    const doc = body(c.text);
    assert.equal(doc.attributions[0]?.modality, c.modality);
  });
}

test('attribution: a quotation with no speaker gets an info diagnostic', () => {
  const doc = body('“Nobody expected the water to rise so fast in the night.”');
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'quote-without-speaker'));
});
