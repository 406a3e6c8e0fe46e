/**
 * Type helpers for the zod schemas exported by `@doctime/contracts`, so the web
 * app can name a schema's input and output types without depending on zod itself.
 */
interface SchemaLike {
  _zod: { input: unknown; output: unknown };
}

/** What a form holds before validation (e.g. the raw strings typed by the user). */
export type SchemaInput<S extends SchemaLike> = S['_zod']['input'];

/** What a schema produces after validation and transforms: what the API receives. */
export type SchemaOutput<S extends SchemaLike> = S['_zod']['output'];
