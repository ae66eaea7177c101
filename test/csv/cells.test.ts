import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/csv/detectDelimiter.js';
import { parseBooleanCell } from '../../src/csv/parseBooleanCell.js';
import { parseNumberCell } from '../../src/csv/parseNumberCell.js';
import { resolveColumnTarget } from '../../src/csv/resolveColumnTarget.js';
import { splitListCell } from '../../src/csv/splitListCell.js';

describe(detectDelimiter, () => {
  it('takes the most frequent of comma, semicolon and tab in the header line', () => {
    expect(detectDelimiter('id;name;capacity\nc1;"A, B";2')).toBe(';');
    expect(detectDelimiter('id,name\nc1;x;y;z')).toBe(',');
    expect(detectDelimiter('id\tname\tcapacity')).toBe('\t');
  });
  it('ignores delimiters inside quoted headers and falls back to a comma', () => {
    expect(detectDelimiter('"a;b;c",d')).toBe(',');
    expect(detectDelimiter('id')).toBe(',');
  });
});

describe(parseNumberCell, () => {
  it('reads plain numbers and a decimal comma', () => {
    expect([parseNumberCell('3'), parseNumberCell('-1.5'), parseNumberCell('1,5'), parseNumberCell('2e1')]).toEqual([3, -1.5, 1.5, 20]);
  });
  it('refuses anything else', () => {
    for (const cell of ['', 'three', '1.000,5', '1,2,3', '0x10', 'NaN', 'Infinity']) expect(parseNumberCell(cell)).toBeUndefined();
  });
});

describe(parseBooleanCell, () => {
  it('reads yes/no words in either case, and nothing else', () => {
    expect(['Yes', 'TRUE', '1', 'ja'].map(parseBooleanCell)).toEqual([true, true, true, true]);
    expect(['no', 'False', '0', 'nee'].map(parseBooleanCell)).toEqual([false, false, false, false]);
    expect(parseBooleanCell('maybe')).toBeUndefined();
  });
});

describe(splitListCell, () => {
  it('trims items and drops empty ones', () => {
    expect(splitListCell(' chess | jazz ||', '|')).toEqual(['chess', 'jazz']);
    expect(splitListCell('', '|')).toEqual([]);
  });
});

describe(resolveColumnTarget, () => {
  it('sends support scores to a coach\'s support and a coachee\'s needs', () => {
    expect(resolveColumnTarget('Socio-emotional', 'coaches', [])).toEqual({ kind: 'support', key: 'socioEmotional' });
    expect(resolveColumnTarget('needs:career', 'coachees', [])).toEqual({ kind: 'support', key: 'career' });
    expect(resolveColumnTarget('needs:career', 'coaches', [])).toBeUndefined();
  });
  it('takes a plain attribute name only when it is declared', () => {
    expect(resolveColumnTarget('gender', 'coaches', [])).toBeUndefined();
    expect(resolveColumnTarget('Gender', 'coaches', ['gender'])).toEqual({ kind: 'attribute', key: 'gender' });
    expect(resolveColumnTarget('attr:home town', 'coachees', [])).toEqual({ kind: 'attribute', key: 'home town' });
  });
  it('prefers a field over a declared attribute of the same name, and keeps fields to their file', () => {
    expect(resolveColumnTarget('type', 'coaches', ['type'])).toEqual({ kind: 'field', field: 'type' });
    expect(resolveColumnTarget('capacity', 'coachees', [])).toBeUndefined();
    expect(resolveColumnTarget('aspiration:sector', 'coaches', [])).toBeUndefined();
    expect(resolveColumnTarget('From', 'relations', [])).toEqual({ kind: 'field', field: 'from' });
  });
});
