/**
 * A hand-made report of a fictional story, filled in every part of the contract,
 * so the renderers and the schema are tested without the analysis stages.
 */
import type { Report } from '../../src/core/index.ts';

const wire =
  'Flood closes bridge in Lenfield\n\nBy Kara Voss\n\nRiver water reached the old bridge on Tuesday, officials said. ' +
  'At least 3 people were rescued, the fire service said.';
const paper =
  'Lenfield bridge shut as river rises\n\nFive people were rescued on Tuesday, according to the mayor.\n\n' +
  'Water covers the square - Ian Moor/Agency';

export function fixtureReport(): Report {
  return {
    schemaVersion: '1.0.0',
    generator: { name: 'crosscheck', version: '0.1.0' },
    diagnostics: [
      {
        stage: 'ingest',
        ruleId: 'empty-input',
        severity: 'error',
        message: 'file holds only whitespace',
        source: 'inputs/blank.txt',
      },
    ],
    stories: [
      {
        id: 'story-1',
        title: 'Flood closes bridge in Lenfield',
        articles: [
          {
            id: 'a1',
            title: 'Flood closes bridge in Lenfield',
            source: 'inputs/wire.txt',
            outlet: 'Valley Wire',
            byline: 'Kara Voss',
            published: '2024-05-07',
            language: 'en',
            apart: [{ kind: 'byline', span: [33, 45], text: 'By Kara Voss' }],
            text: wire,
          },
          {
            id: 'a2',
            title: 'Lenfield bridge shut as river rises',
            source: 'inputs/paper.html',
            outlet: 'Lenfield Post',
            published: '2024-05-08T09:00:00Z',
            language: 'en',
            apart: [
              { kind: 'caption', span: [99, 121], text: 'Water covers the square' },
              { kind: 'credit', span: [124, 138], text: 'Ian Moor/Agency' },
            ],
            text: paper,
          },
        ],
        entities: [
          {
            id: 'e1',
            type: 'place',
            name: 'Lenfield',
            variants: ['Lenfield', 'Lenfeld'],
            articles: ['a1', 'a2'],
            mentions: [
              { articleId: 'a1', span: [22, 30], text: 'Lenfield' },
              { articleId: 'a2', span: [0, 8], text: 'Lenfield' },
            ],
            evidence: ['same-name: Lenfield'],
          },
        ],
        findings: [
          {
            id: 'f-unique',
            kind: 'unique',
            summary: 'River water reached the old bridge',
            claims: [
              {
                articleId: 'a1',
                text: 'River water reached the old bridge on Tuesday, officials said.',
                span: [47, 110],
              },
            ],
            independentSources: 1,
            upstream: [],
            evidence: ['no other article reports this'],
          },
          {
            id: 'f-agree',
            kind: 'agreement',
            summary: 'The bridge was closed',
            claims: [
              { articleId: 'a1', text: 'Flood closes bridge in Lenfield', span: [0, 31] },
              { articleId: 'a2', text: 'Lenfield bridge shut as river rises', span: [0, 35] },
            ],
            independentSources: 2,
            upstream: [],
            evidence: ['same predicate and place'],
          },
          {
            id: 'f-conflict',
            kind: 'conflict',
            summary: 'People rescued: at least 3 vs 5 | <b>',
            claims: [
              {
                articleId: 'a1',
                text: 'At least 3 people were rescued, the fire service said.',
                span: [111, 165],
                attribution: {
                  source: 'the fire service',
                  cue: 'said',
                  chain: ['Valley Wire', 'the fire service'],
                  direct: false,
                },
                modality: 'reported',
                values: [
                  {
                    text: 'At least 3',
                    value: 3,
                    bounds: { low: 3, high: null, lowInclusive: true, highInclusive: false },
                    counted: 'people',
                    measure: 'rescued',
                  },
                ],
              },
              {
                articleId: 'a2',
                text: 'Five people were rescued on Tuesday, according to the mayor.',
                span: [37, 97],
                attribution: {
                  source: 'the mayor',
                  cue: 'according to',
                  chain: ['Lenfield Post', 'the mayor'],
                },
                values: [{ text: 'Five', value: 5 }],
              },
            ],
            slots: { matched: ['predicate', 'counted'], differed: ['value'] },
            independentSources: 2,
            upstream: ['the fire service'],
            evidence: [
              '3 and 5 people rescued: "at least 3" allows 5, but the mayor states exactly 5',
            ],
          },
        ],
        timeline: [
          {
            date: '2024-05-07',
            certainty: 'inferred',
            summary: 'River water reached the old bridge',
            claims: [
              {
                articleId: 'a1',
                span: [47, 110],
                text: 'River water reached the old bridge on Tuesday',
              },
            ],
          },
          { date: null, certainty: 'unresolved', summary: 'Bridge closed', claims: [] },
        ],
        provenance: {
          nodes: [
            { id: 'n1', kind: 'outlet', label: 'Valley Wire' },
            { id: 'n2', kind: 'source', label: 'the fire service' },
          ],
          edges: [{ from: 'n1', to: 'n2', kind: 'cites', evidence: ['"the fire service said"'] }],
        },
        diagnostics: [
          {
            stage: 'annotate',
            ruleId: 'date-unresolved',
            severity: 'warning',
            message: 'date could not be resolved',
            articleId: 'a2',
            span: [60, 67],
          },
        ],
      },
    ],
  };
}
