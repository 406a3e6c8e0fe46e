import { z } from 'zod';
import { chatKindOf, chatMediaRules } from './messaging.ts';

/** What each upload purpose accepts: the API enforces it and the web shows it. */
export const uploadRules = {
  'kyc-document': { contentTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 10 * 1024 * 1024 },
  avatar: { contentTypes: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 5 * 1024 * 1024 },
  // Per kind (image, voice note, video clip, PDF) the limits of `chatMediaRules`.
  'chat-media': {
    contentTypes: Object.values(chatMediaRules).flatMap((rule) => rule.contentTypes),
    maxBytes: Math.max(...Object.values(chatMediaRules).map((rule) => rule.maxBytes)),
  },
} as const satisfies Record<string, { contentTypes: readonly string[]; maxBytes: number }>;
export type UploadPurpose = keyof typeof uploadRules;
export const UploadPurpose = z.enum(['kyc-document', 'avatar', 'chat-media'], { message: 'Unknown upload purpose' });

export const CreateUploadRequest = z
  .object({
    purpose: UploadPurpose,
    contentType: z.string().trim().toLowerCase().min(1, 'Give the file type').max(100),
    size: z.number({ message: 'Give the file size in bytes' }).int().positive('The file is empty'),
    fileName: z.string().trim().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    const rule = uploadRules[v.purpose];
    if (!(rule.contentTypes as readonly string[]).includes(v.contentType)) {
      ctx.addIssue({ code: 'custom', path: ['contentType'], message: `Allowed types: ${rule.contentTypes.join(', ')}` });
    }
    const kind = v.purpose === 'chat-media' ? chatKindOf(v.contentType) : undefined;
    const maxBytes = kind ? chatMediaRules[kind].maxBytes : rule.maxBytes;
    if (v.size > maxBytes) {
      ctx.addIssue({ code: 'custom', path: ['size'], message: `The file is larger than ${maxBytes / 1024 / 1024} MB` });
    }
  })
  .meta({
    id: 'CreateUploadRequest',
    // What the refinement says, for OpenAPI: each purpose's types and largest size.
    oneOf: Object.entries({ ...uploadRules, 'chat-media': undefined })
      .flatMap(([purpose, rule]) =>
        rule ? [{ purpose, rule }] : Object.values(chatMediaRules).map((kindRule) => ({ purpose, rule: kindRule })),
      )
      .map(({ purpose, rule }) => ({
        properties: { purpose: { const: purpose }, contentType: { enum: rule.contentTypes }, size: { maximum: rule.maxBytes } },
        required: ['purpose'],
      })),
  });
export type CreateUploadRequest = z.input<typeof CreateUploadRequest>;

export const CreateUploadResponse = z
  .object({
    fileId: z.string(),
    uploadUrl: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .meta({ id: 'CreateUploadResponse' });
export type CreateUploadResponse = z.infer<typeof CreateUploadResponse>;

export const FileUrlResponse = z
  .object({ url: z.string(), contentType: z.string(), expiresAt: z.string() })
  .meta({ id: 'FileUrlResponse' });
export type FileUrlResponse = z.infer<typeof FileUrlResponse>;
