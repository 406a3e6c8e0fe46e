import { describe, expect, it } from 'vitest';
import { buildCalendarInvite, escapeText, foldLine, type CalendarInvite } from './calendar-invite.ts';

const invite: CalendarInvite = {
  appointmentId: '65f0c0ffee',
  method: 'REQUEST',
  sequence: 0,
  start: new Date('2026-03-30T08:00:00Z'),
  end: new Date('2026-03-30T08:30:00Z'),
  stamp: new Date('2026-03-01T12:34:56.789Z'),
  summary: 'Consultation with Dr. Asha Rao',
  description: 'Reason: follow-up; bring reports, please\nJoin from your DocTime account.',
  organizer: { name: 'Dr. Asha Rao', email: 'asha@example.com' },
  attendees: [{ name: 'Sam Lee, Jr.', email: 'sam@example.com' }],
};

/** Unfolds and splits the text; returns name -> [full line] for checks. */
function parse(ics: string) {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  expect(lines.pop()).toBe(''); // ends with CRLF
  const value = (name: string) =>
    lines.filter((l) => l.split(/[;:]/)[0] === name).map((l) => l.slice(l.indexOf(':', name.length) + 1));
  return { lines, value };
}

describe('buildCalendarInvite', () => {
  it('writes one VEVENT with a stable UID, UTC times and people', () => {
    const { lines, value } = parse(buildCalendarInvite(invite));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(value('VERSION')).toEqual(['2.0']);
    expect(value('METHOD')).toEqual(['REQUEST']);
    expect(value('UID')).toEqual(['65f0c0ffee@doctime']);
    expect(value('SEQUENCE')).toEqual(['0']);
    expect(value('DTSTAMP')).toEqual(['20260301T123456Z']);
    expect(value('DTSTART')).toEqual(['20260330T080000Z']);
    expect(value('DTEND')).toEqual(['20260330T083000Z']);
    expect(value('SUMMARY')).toEqual(['Consultation with Dr. Asha Rao']);
    expect(value('DESCRIPTION')).toEqual(['Reason: follow-up\\; bring reports\\, please\\nJoin from your DocTime account.']);
    expect(value('STATUS')).toEqual(['CONFIRMED']);
    expect(lines).toContain('ORGANIZER;CN=Dr. Asha Rao:mailto:asha@example.com');
    expect(lines).toContain('ATTENDEE;CN="Sam Lee, Jr.";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:sam@example.com');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const { value } = parse(buildCalendarInvite({ ...invite, method: 'CANCEL', sequence: 2 }));
    expect(value('METHOD')).toEqual(['CANCEL']);
    expect(value('STATUS')).toEqual(['CANCELLED']);
    expect(value('UID')).toEqual(['65f0c0ffee@doctime']);
    expect(value('SEQUENCE')).toEqual(['2']);
  });

  it('uses CRLF only and folds every line to 75 octets', () => {
    const long = { ...invite, description: `Notes: ${'Ünïcødé ✓ text '.repeat(20)}`, summary: 'x'.repeat(200) };
    const ics = buildCalendarInvite(long);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    expect(parse(ics).value('SUMMARY')).toEqual(['x'.repeat(200)]);
    expect(parse(ics).value('DESCRIPTION')[0]).toBe(escapeText(long.description));
  });

  it('keeps names and e-mails from breaking lines or parameters', () => {
    const { lines } = parse(
      buildCalendarInvite({ ...invite, organizer: { name: 'Evil"\r\nX-INJECT:1', email: 'a@b.c\r\nX:1' } }),
    );
    expect(lines.some((l) => l.startsWith('X-INJECT') || l.startsWith('X:'))).toBe(false);
    expect(lines).toContain('ORGANIZER;CN="Evil\'  X-INJECT:1":mailto:a@b.cX:1');
  });

  it('refuses a negative or fractional sequence', () => {
    expect(() => buildCalendarInvite({ ...invite, sequence: -1 })).toThrow(RangeError);
    expect(() => buildCalendarInvite({ ...invite, sequence: 1.5 })).toThrow(RangeError);
  });
});

describe('escapeText and foldLine', () => {
  it('escapes per RFC 5545', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('never splits a multi-byte character', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
    const parts = folded.split('\r\n');
    expect(parts.every((p) => new TextEncoder().encode(p).length <= 75)).toBe(true);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(`DESCRIPTION:${'é'.repeat(100)}`);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });
});
