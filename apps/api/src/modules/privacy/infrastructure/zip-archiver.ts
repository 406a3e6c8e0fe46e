import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Archiver } from '../application/ports.ts';

/**
 * Zip archives with fflate: no dependencies, maintained, typed, and it reads
 * zips too (the tests unzip with it). An export is small (JSON and a few
 * PDFs), so it is packed in memory in one pass.
 */
export function makeZipArchiver(): Archiver {
  return {
    pack(entries) {
      const files: Zippable = {};
      for (const { path, content } of entries) {
        files[path] = typeof content === 'string' ? strToU8(content) : (content ?? new Uint8Array(0));
      }
      return zipSync(files, { level: 6 });
    },
  };
}
