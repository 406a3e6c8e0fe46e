import { z } from 'zod';

export const Id = z.string().min(1).max(100);

/** A character that trimming keeps (JavaScript also trims U+FEFF, which Python's `\s` does not cover). */
export const NON_BLANK = '[^\\s\\uFEFF]';

/**
 * Text trimmed of surrounding blanks, then `min` to `max` characters long.
 * JSON Schema cannot say "after trimming", so OpenAPI also gets a pattern that
 * does: at least `min` characters from the first to the last non-blank one.
 */
export function trimmedText(min: number, max: number, messages: { min?: string; max?: string } = {}) {
  const pattern = min <= 1 ? NON_BLANK : `${NON_BLANK}[\\s\\S]{${min - 2},}${NON_BLANK}`;
  return z.string().trim().min(min, messages.min).max(max, messages.max).meta({ pattern });
}

/** Query-string paging shared by every list endpoint. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
  });
}
