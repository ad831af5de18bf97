import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from './parser/parse';
import { semanticTokens } from './semanticTokens';

const TEXT = [
  'CONFIDENTIAL',
  'PAGE 01 BRUSSE 03953 081041Z',
  '-----3984BC 081042Z /38 O 081037Z APR 94',
  'FM AMEMBASSY BRUSSELS',
  'TO SECSTATE WASHDC IMMEDIATE 6354',
  'INFO AMEMBASSY KIGALLI IMMEDIATE',
  'CONFIDENTIAL BRUSSELS 03953',
  'E.O. 12356: DECL: OADR',
  'TAGS: PREL, PZQX, RW',
  'SUBJECT: UNAMIR',
  '1. (S) BEGIN TEXT: TEXT. END TEXT.',
  'CONFIDENTIAL',
  'NNNN',
].join('\n');

test('tokens carry what a reader sees: levels, labels, posts, TAGS, the DTG, numbers and marks, de-emphasised headers', () => {
  const seen = semanticTokens(parse(TEXT)).map((t) => `${TEXT.slice(t.start, t.end)}=${t.type}${t.modifiers.length ? `.${t.modifiers.join('.')}` : ''}`);
  assert.deepEqual(seen, [
    'CONFIDENTIAL=classification.confidential',
    'PAGE 01 BRUSSE 03953 081041Z=pageHeader',
    '-----3984BC 081042Z /38=pageHeader',
    'O=precedence',
    '081037Z APR 94=dtg',
    'FM=fieldLabel',
    'AMEMBASSY BRUSSELS=post',
    'TO=fieldLabel',
    'SECSTATE WASHDC=post',
    'IMMEDIATE=precedence',
    'INFO=fieldLabel',
    'AMEMBASSY KIGALLI=post.unknown',
    'IMMEDIATE=precedence',
    'CONFIDENTIAL=classification.confidential',
    'E.O.=fieldLabel',
    'TAGS:=fieldLabel',
    'PREL=tag',
    'PZQX=tag.unknown',
    'RW=tag',
    'SUBJECT:=fieldLabel',
    '1=paragraphNumber',
    '(S)=portionMark.secret',
    'BEGIN TEXT=blockMarker',
    'END TEXT=blockMarker',
    'CONFIDENTIAL=classification.confidential',
    'NNNN=blockMarker',
  ]);
});

test('tokens never overlap and stay inside the text', () => {
  const tokens = semanticTokens(parse(TEXT));
  for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].start >= tokens[i - 1].end, `${i}`);
  assert.ok(tokens.every((t) => t.start >= 0 && t.end <= TEXT.length));
});

test('a designation continued over a page break leaves the release stamps between to themselves: no token overlaps another', () => {
  const text = [
    'UNCLASSIFIED',
    'MRN:                          11 ISLAMABAD 1294',
    'Date/DTG:                     May 09, 2011 / 091114Z MAY 11',
    'From:                         AMEMBASSY ISLAMABAD',
    'Action:                       WASHDC, SECSTATE IMMEDIATE; NATIONAL SECURITY COUNCIL',
    '',
    '      UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05784145 Date: 01/07/2016',
    '\f       UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05784145 Date: 01/07/2016',
    '',
    '                             WASHINGTON DC IMMEDIATE; DIA WASHINGTON DC IMMEDIATE',
    'E.O.:                        13526',
    'TAGS:                        PGOV, PREL, PK',
    'Subject:                     PAKISTAN MEDIA ANALYSIS',
  ].join('\n');
  const tokens = semanticTokens(parse(text));
  tokens.forEach((t, i) => assert.ok(i === 0 || t.start >= tokens[i - 1].end, `token ${i} overlaps the one before`));
  const seen = tokens.map((t) => `${text.slice(t.start, t.end)}=${t.type}`);
  const nsc = seen.filter((s) => s.endsWith('=post') && /NATIONAL|WASHINGTON DC$/.test(s.split('=')[0]));
  assert.deepEqual(nsc, ['NATIONAL SECURITY COUNCIL=post', 'WASHINGTON DC=post', 'DIA WASHINGTON DC=post']);
  assert.equal(seen.filter((s) => s.endsWith('=releaseStamp')).length, 2);
});
