import { describe, expect, it } from 'vitest';
import { inferAttributeDeclarations } from '../../src/csv/inferAttributeDeclarations.js';

const infer = (cells: string[], aspired = false, separator = '|') => inferAttributeDeclarations(new Map([['x', { cells, aspired }]]), separator)[0];

describe(inferAttributeDeclarations, () => {
  it('declares a set when any cell holds the list separator', () => {
    expect(infer(['chess', 'chess|jazz', ''])).toEqual({ key: 'x', kind: 'set', role: 'identity' });
    expect(infer(['chess; jazz'], false, ';')?.kind).toBe('set');
  });
  it('declares a number when every filled cell is one, with the observed range as scale', () => {
    expect(infer(['41', '', '24', '3,5'])).toEqual({ key: 'x', kind: 'numeric', role: 'identity', scale: { min: 3.5, max: 41 } });
  });
  it('widens the scale of a constant number, since a scale needs min below max', () => {
    expect(infer(['7', '7'])).toMatchObject({ scale: { min: 7, max: 8 } });
  });
  it('declares anything else, and an empty column, categorical', () => {
    expect(infer(['41', 'forty'])?.kind).toBe('categorical');
    expect(infer(['', ' '])?.kind).toBe('categorical');
  });
  it('makes an attribute coachees aspire to a profession attribute', () => {
    expect(infer(['healthcare'], true)?.role).toBe('profession');
  });
  it('lists the declarations by key', () => {
    const samples = new Map([
      ['b', { cells: ['1'], aspired: false }],
      ['a', { cells: ['x'], aspired: false }],
    ]);
    expect(inferAttributeDeclarations(samples, '|').map((d) => d.key)).toEqual(['a', 'b']);
  });
});
