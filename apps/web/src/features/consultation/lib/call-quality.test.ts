import { describe, expect, it } from 'vitest';
import { callQuality } from './call-quality';

describe('callQuality', () => {
  it.each([
    [{ roundTripTime: 0.05, packetsLost: 0, packetsReceived: 500 }, 'good'],
    [{ roundTripTime: 0.25, packetsLost: 0, packetsReceived: 500 }, 'fair'],
    [{ roundTripTime: 0.05, packetsLost: 15, packetsReceived: 485 }, 'fair'],
    [{ roundTripTime: 0.6, packetsLost: 0, packetsReceived: 500 }, 'poor'],
    [{ roundTripTime: 0.05, packetsLost: 50, packetsReceived: 450 }, 'poor'],
    [{ packetsLost: 0, packetsReceived: 0 }, 'unknown'],
  ] as const)('%o -> %s', (sample, quality) => {
    expect(callQuality(sample)).toBe(quality);
  });
});
