import { chatKindOf, chatMediaRules, type MessageKind } from '@doctime/contracts';
import { formatBytes } from '../../lib/format';

/** Pure helpers for chat attachments and recordings. */

/** "audio/webm" from "audio/webm;codecs=opus": the API accepts bare types only. */
export function bareMimeType(type: string): string {
  return type.split(';')[0]!.trim().toLowerCase();
}

/** Recorder formats, best first, for a voice note or a video clip. */
const RECORDER_TYPES: Record<'audio' | 'video', string[]> = {
  audio: ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4'],
  video: ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'],
};

/** The first format this browser can record that the API accepts, or undefined to let the browser choose. */
export function pickRecorderType(kind: 'audio' | 'video', isTypeSupported: (type: string) => boolean): string | undefined {
  return RECORDER_TYPES[kind].find((type) => isTypeSupported(type));
}

/** The file extension for a recording's bare type. */
export function extensionOf(type: string): string {
  return bareMimeType(type).endsWith('mp4') ? 'mp4' : 'webm';
}

export type MediaKind = Exclude<MessageKind, 'text'>;

/** The message kind of a chosen file and, when it cannot be sent, why (type or size). */
export function checkChatFile(file: { name: string; type: string; size: number }): { kind: MediaKind } | { problem: string } {
  const kind = chatKindOf(file.type);
  if (!kind) return { problem: `“${file.name}” cannot be sent. Choose an image (JPEG, PNG or WebP) or a PDF.` };
  if (file.size === 0) return { problem: `“${file.name}” is empty.` };
  const { maxBytes } = chatMediaRules[kind];
  if (file.size > maxBytes)
    return { problem: `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.` };
  return { kind };
}

/** What the attach button's file picker offers: images and PDFs (voice and video come from the recorders). */
export const ATTACH_ACCEPT = [...chatMediaRules.image.contentTypes, ...chatMediaRules.file.contentTypes].join(',');
