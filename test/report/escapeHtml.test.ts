import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escapeHtml.js';

const unescape = (s: string) => s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

describe(escapeHtml, () => {
  it('leaves no character that could open a tag, end an attribute or start an entity', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s).replace(/&(lt|gt|quot|#39|amp);/g, '')).not.toMatch(/[<>"'&]/);
      }),
    );
  });
  it('loses nothing: unescaping gives the text back', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(unescape(escapeHtml(s))).toBe(s);
      }),
    );
  });
  it('keeps diacritics and other letters as they are', () => {
    expect(escapeHtml('Zoë Aydın Maaßen')).toBe('Zoë Aydın Maaßen');
  });
});
