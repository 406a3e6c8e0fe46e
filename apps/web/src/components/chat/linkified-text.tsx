import { Anchor } from '@mantine/core';
import { linkify } from '../../lib/linkify';

/** Message text as text (never HTML), with http(s) links that open in a new tab without access to this one. */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, index) =>
        segment.type === 'link' ? (
          <Anchor key={index} href={segment.href} target="_blank" rel="noopener noreferrer" inherit underline="always">
            {segment.text}
          </Anchor>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
