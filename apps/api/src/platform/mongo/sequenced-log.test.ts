import { describe, expect, it } from 'vitest';
import { probeLast } from './sequenced-log.ts';

/** A sequence filled 1..filled, probed in memory; counts the probes. */
function sequence(filled: number) {
  const probes: number[] = [];
  const place = async (n: number) => {
    probes.push(n);
    return n >= 1 && n <= filled ? { n } : null;
  };
  return { place, probes };
}

describe('probeLast', () => {
  it('finds the last filled place from any filled starting point', async () => {
    for (const filled of [0, 1, 2, 3, 7, 8, 9, 100, 1000]) {
      for (const known of [0, Math.floor(filled / 2), filled].filter((k) => k <= filled)) {
        const { place } = sequence(filled);
        expect((await probeLast({ n: known }, place)).n, `${filled} from ${known}`).toBe(filled);
      }
    }
  });

  it('costs one probe when the known place is the last, and about 2·log2 of the distance otherwise', async () => {
    const atTail = sequence(50);
    await probeLast({ n: 50 }, atTail.place);
    expect(atTail.probes).toEqual([51]);
    const far = sequence(100_000);
    await probeLast({ n: 0 }, far.place);
    expect(far.probes.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(100_000)) + 1);
  });

  it('keeps what the probe found at the last place', async () => {
    const place = async (n: number) => (n <= 5 ? { n, bytes: n * 10 } : null);
    expect(await probeLast({ n: 2, bytes: 20 }, place)).toEqual({ n: 5, bytes: 50 });
  });
});
