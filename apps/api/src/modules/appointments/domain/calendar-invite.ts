/**
 * iCalendar (RFC 5545) text for one appointment, so patients and doctors can
 * add it to their calendars. Hand-written: one VEVENT needs no library.
 * Calendars match updates by UID and keep the highest SEQUENCE, so the UID is
 * stable per appointment and the caller raises SEQUENCE on every reschedule
 * or cancellation.
 */

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarInvite {
  appointmentId: string;
  /** REQUEST for a booked or moved appointment, CANCEL once it is cancelled. */
  method: 'REQUEST' | 'CANCEL';
  /** 0 when booked; one more on each reschedule or cancellation. */
  sequence: number;
  start: Date;
  end: Date;
  /** When this version of the event was produced (DTSTAMP). */
  stamp: Date;
  summary: string;
  description?: string;
  location?: string;
  organizer: CalendarPerson;
  attendees: readonly CalendarPerson[];
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** Replaces ASCII control characters (CR, LF, NUL, ...), which no value may hold. */
function withoutControls(value: string, replacement: string): string {
  return [...value].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? replacement : c)).join('');
}

/** TEXT escaping: backslash, semicolon, comma, and newlines as `\n`. */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return withoutControls(escaped.replace(/\t/g, ' '), '');
}

/** A parameter value (e.g. CN): no quotes or controls allowed; quoted when it holds `;:,`. */
function paramValue(value: string): string {
  const clean = withoutControls(value, ' ').replace(/"/g, "'");
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

/** A mailto: URI; drops anything that could break out of the line. */
function mailto(email: string): string {
  return `mailto:${email.replace(/[\s"<>;,\\]/g, '')}`;
}

/** 20260330T090000Z: the UTC DATE-TIME form. */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Folds a content line so no physical line exceeds 75 octets (UTF-8),
 * continuing with CRLF + one space and never splitting a character.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts toward their 75.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function person(property: 'ORGANIZER' | 'ATTENDEE', p: CalendarPerson): string {
  const params = property === 'ATTENDEE' ? ';ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED' : '';
  return `${property};CN=${paramValue(p.name)}${params}:${mailto(p.email)}`;
}

export function buildCalendarInvite(invite: CalendarInvite): string {
  if (!Number.isInteger(invite.sequence) || invite.sequence < 0) throw new RangeError('sequence must be a whole number >= 0');
  const cancelled = invite.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//DocTime//Appointments//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${invite.method}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(`${invite.appointmentId}@doctime`)}`,
    `SEQUENCE:${invite.sequence}`,
    `DTSTAMP:${formatUtc(invite.stamp)}`,
    `DTSTART:${formatUtc(invite.start)}`,
    `DTEND:${formatUtc(invite.end)}`,
    `SUMMARY:${escapeText(invite.summary)}`,
    ...(invite.description ? [`DESCRIPTION:${escapeText(invite.description)}`] : []),
    ...(invite.location ? [`LOCATION:${escapeText(invite.location)}`] : []),
    person('ORGANIZER', invite.organizer),
    ...invite.attendees.map((a) => person('ATTENDEE', a)),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
