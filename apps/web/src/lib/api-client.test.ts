import { describe, expect, it } from 'vitest';
import { attachmentName } from './api-client';

describe('attachmentName', () => {
  it('reads the file name of a Content-Disposition header, quoted or not', () => {
    expect(attachmentName('attachment; filename=doctime-data-2026-03-02.zip')).toBe('doctime-data-2026-03-02.zip');
    expect(attachmentName('attachment; filename="appointment.ics"')).toBe('appointment.ics');
    expect(attachmentName('attachment')).toBeNull();
    expect(attachmentName(null)).toBeNull();
  });
});
