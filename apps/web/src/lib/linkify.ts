import { find } from 'linkifyjs';

/** A run of plain text, or a link with the text it shows and the address it opens. */
export type TextSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/** The address when it is a well-formed http(s) URL, else null (javascript:, data:, ftp:, mailto: stay text). */
function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Splits message text into plain runs and web links (linkifyjs finds them;
 * an address without a scheme gets https). Only http and https become links,
 * and nothing is ever HTML: render the segments as text nodes and anchors.
 */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  const pushText = (end: number) => {
    if (end <= cursor) return;
    const previous = segments.at(-1);
    const piece = text.slice(cursor, end);
    if (previous?.type === 'text') previous.text += piece;
    else segments.push({ type: 'text', text: piece });
  };
  for (const match of find(text, 'url', { defaultProtocol: 'https' })) {
    const href = safeHref(match.href);
    if (!href) continue;
    pushText(match.start);
    segments.push({ type: 'link', text: match.value, href });
    cursor = match.end;
  }
  pushText(text.length);
  return segments;
}
