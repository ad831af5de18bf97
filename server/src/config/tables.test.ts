import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinReference } from '../service';
import { readTable } from './tables';

test('a TSV table of posts has the columns of server/data/posts.tsv; rows without a designation are dropped', () => {
  const tsv = 'designation\tshort_header_name\tcountry\tfips_code\tkind\tsource\r\nUSLO ATLANTIS\tATLANT\tAtlantis\tQQ\tmission\t\r\n\tX\t\t\t\t\r\n';
  const rows = readTable('posts', tsv, '/w/posts.tsv');
  const reference = builtinReference().withExtra(rows);
  assert.deepEqual(reference.post('USLO ATLANTIS'), { designation: 'USLO ATLANTIS', shortName: 'ATLANT', country: 'Atlantis', fipsCode: 'QQ', kind: 'mission', source: '/w/posts.tsv' });
  assert.equal(rows.posts?.length, 1);
});

test('a plain-text table of posts has a designation per line; blank lines and # comments are skipped', () => {
  const rows = readTable('posts', '# ours\n\n  AMEMBASSY ATLANTIS  \r\nAMCONSUL EL DORADO', '/w/posts.txt');
  assert.deepEqual(rows, { posts: [{ designation: 'AMEMBASSY ATLANTIS', source: '/w/posts.txt' }, { designation: 'AMCONSUL EL DORADO', source: '/w/posts.txt' }] });
  assert.equal(builtinReference().withExtra(rows).post('AMEMBASSY ATLANTIS')?.shortName, 'ATLANT');
});

test('a plain-text table of TAGS has a code, then a tab or spaces and its description; a code alone has none', () => {
  assert.deepEqual(readTable('tags', 'XQZY\tLost cities\nQQ   Atlantis (sunk)\nKLOS\n', '/w/tags.txt'), {
    tags: [
      { code: 'XQZY', description: 'Lost cities', source: '/w/tags.txt' },
      { code: 'QQ', description: 'Atlantis (sunk)', source: '/w/tags.txt' },
      { code: 'KLOS', description: '', source: '/w/tags.txt' },
    ],
  });
});
