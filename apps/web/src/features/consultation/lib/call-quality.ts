/** What the connection quality indicator shows, from the selected candidate pair and inbound video of `getStats`. */
export type CallQuality = 'good' | 'fair' | 'poor' | 'unknown';

export interface QualitySample {
  /** Round-trip time of the selected candidate pair, in seconds. */
  roundTripTime?: number;
  /** Inbound video packets lost and received since the previous sample. */
  packetsLost: number;
  packetsReceived: number;
}

/** Good under 200 ms and 2 % loss, poor from 500 ms or 8 % loss, fair between. */
export function callQuality(sample: QualitySample): CallQuality {
  const total = sample.packetsLost + sample.packetsReceived;
  if (sample.roundTripTime === undefined && total === 0) return 'unknown';
  const loss = total > 0 ? sample.packetsLost / total : 0;
  const rtt = sample.roundTripTime ?? 0;
  if (rtt >= 0.5 || loss >= 0.08) return 'poor';
  if (rtt >= 0.2 || loss >= 0.02) return 'fair';
  return 'good';
}
