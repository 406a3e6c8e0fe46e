import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('keeps text without links as one text run', () => {
    expect(linkify('Take it twice a day 💊')).toEqual([{ type: 'text', text: 'Take it twice a day 💊' }]);
    expect(linkify('')).toEqual([]);
  });

  it('turns http and https addresses into links, leaving punctuation after them as text', () => {
    expect(linkify('See https://nhs.uk/conditions?x=1, then reply.')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'https://nhs.uk/conditions?x=1', href: 'https://nhs.uk/conditions?x=1' },
      { type: 'text', text: ', then reply.' },
    ]);
    expect(linkify('http://example.test')).toEqual([{ type: 'link', text: 'http://example.test', href: 'http://example.test/' }]);
  });

  it('gives an address without a scheme https', () => {
    expect(linkify('www.who.int')).toEqual([{ type: 'link', text: 'www.who.int', href: 'https://www.who.int/' }]);
  });

  it('never links other schemes: javascript:, data:, ftp: and e-mail addresses stay text', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.example.test/a', 'write to a@b.test']) {
      expect(linkify(text).every((segment) => segment.type === 'text')).toBe(true);
      expect(
        linkify(text)
          .map((segment) => segment.text)
          .join(''),
      ).toBe(text);
    }
  });

  it('keeps markup as text: nothing is interpreted', () => {
    const text = '<img src=x onerror=alert(1)> https://a.test/"><script>';
    const segments = linkify(text);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    const link = segments.find((segment) => segment.type === 'link');
    expect(link?.type === 'link' && new URL(link.href).protocol).toBe('https:');
  });

  it('finds several links in one message', () => {
    const segments = linkify('a https://one.test b https://two.test');
    expect(segments.filter((segment) => segment.type === 'link').map((segment) => segment.text)).toEqual([
      'https://one.test',
      'https://two.test',
    ]);
  });
});
