import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRESET_NAMES, PRESETS } from './presets';
import { RULES } from './rules';

const SETTINGS = ['error', 'warning', 'info', 'hint', 'off'];

test('every preset names exactly the rule ids, each with a severity or off', () => {
  const ids = RULES.map((r) => r.id).sort();
  for (const name of PRESET_NAMES) {
    assert.deepEqual(Object.keys(PRESETS[name]).sort(), ids, name);
    for (const [id, setting] of Object.entries(PRESETS[name])) assert.ok(SETTINGS.includes(setting), `${name}: ${id}: ${setting}`);
  }
});

test('recommended is every rule at its default severity', () => {
  for (const r of RULES) assert.equal(PRESETS.recommended[r.id], r.defaultSeverity, r.id);
});

test('drafting makes what a cable being written must have an error', () => {
  for (const id of ['classification-missing', 'tags-missing', 'subject-missing', 'portion-marking-missing', 'non-ascii']) assert.equal(PRESETS.drafting[id], 'error', id);
});

test('transcription tolerates OCR and printing but is strict on what a historian indexes by', () => {
  for (const id of ['non-ascii', 'paragraph-numbering', 'block-unbalanced', 'precedence-unknown', 'header-mismatch', 'portion-marking-missing']) {
    assert.ok(['off', 'hint'].includes(PRESETS.transcription[id]), id);
  }
  for (const id of ['tags-missing', 'tags-malformed', 'tags-unknown', 'subject-missing', 'dtg-invalid', 'classification-missing', 'classification-mismatch']) {
    assert.equal(PRESETS.transcription[id], 'error', id);
  }
});
