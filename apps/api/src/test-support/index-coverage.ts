import type { Document } from 'mongodb';

/**
 * Does a declared MongoDB index serve a query? The rule, MongoDB's
 * Equality-Sort-Range guideline made strict:
 *
 * - `_id` equality (or `$in`) is always served (every collection has `_id_`);
 * - otherwise an index serves a query when its key starts with every equality
 *   field of the filter (in any order), then has the sort's fields in order
 *   (all in the sort's directions or all reversed; sort fields bound by
 *   equality need no place), after which a range field may follow. With
 *   neither equality nor sort, the first key must bound a range. Other
 *   predicates (negations, unanchored or case-insensitive regexes, `$exists`)
 *   bound nothing: the index may filter on them, but they never make a
 *   query served;
 * - a filter with `$or` is served when each branch (with the fields beside
 *   the `$or`) is served, sort included (MongoDB merges sorted branches).
 *
 * Everything here is pure: queries come in as the commands' documents.
 */

/** How a filter constrains one field, as far as an index cares. `in` is a small set of equalities. */
export type Predicate = 'eq' | 'in' | 'range' | 'exists' | 'regex' | 'ne' | 'other';
/** One conjunction of field predicates; a filter with `$or` has one branch per alternative. */
export type Branch = Record<string, Predicate>;
/** An index key or a sort, in order. */
export type KeySpec = [field: string, direction: 1 | -1][];

export interface QueryShape {
  collection: string;
  /** The command the query came in: find, count, distinct, aggregate, update, delete, findAndModify. */
  command: string;
  branches: Branch[];
  sort: KeySpec;
}

export interface DeclaredIndex {
  name: string;
  key: KeySpec;
  /** A partial index's filter: it serves only queries that constrain these fields too. */
  partial?: Branch;
}

/** Stronger predicates win when a field is constrained twice (`$and`, `{ $gte, $ne }`). */
const strength: Predicate[] = ['eq', 'in', 'range', 'exists', 'regex', 'ne', 'other'];
const stronger = (a: Predicate | undefined, b: Predicate): Predicate =>
  a === undefined || strength.indexOf(b) < strength.indexOf(a) ? b : a;

function merge(a: Branch, b: Branch): Branch {
  const out = { ...a };
  for (const [field, predicate] of Object.entries(b)) out[field] = stronger(out[field], predicate);
  return out;
}
/** Every branch of `a` and'ed with every branch of `b`. */
const cross = (a: Branch[], b: Branch[]) => a.flatMap((x) => b.map((y) => merge(x, y)));

const isRegex = (v: unknown): v is { pattern?: string; source?: string; flags?: string; options?: string } =>
  v instanceof RegExp || (typeof v === 'object' && v !== null && (v as { _bsontype?: string })._bsontype === 'BSONRegExp');

/** A case-sensitive pattern anchored at the start is an index range; any other one scans. */
function regexPredicate(pattern: string, flags = ''): Predicate {
  return pattern.startsWith('^') && !pattern.startsWith('^.*') && !/[ix]/.test(flags) ? 'range' : 'regex';
}
const ofRegex = (v: { pattern?: string; source?: string; flags?: string; options?: string }) =>
  regexPredicate(v.source ?? v.pattern ?? '', v.flags ?? v.options);

const isOperatorObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  Object.getPrototypeOf(v) === Object.prototype &&
  Object.keys(v).some((k) => k.startsWith('$'));

function operatorPredicate(op: string, arg: unknown, all: Record<string, unknown>): Predicate {
  switch (op) {
    case '$eq':
      return 'eq';
    case '$in':
      return Array.isArray(arg) && arg.some(isRegex) ? 'regex' : 'in';
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return 'range';
    case '$regex':
      return isRegex(arg) ? ofRegex(arg) : regexPredicate(String(arg), String(all['$options'] ?? ''));
    case '$options':
      return 'other';
    case '$exists':
      return arg ? 'exists' : 'ne';
    case '$ne':
    case '$nin':
    case '$not':
      return 'ne';
    default:
      return 'other';
  }
}

/** How one field's condition constrains it. */
export function predicateOf(condition: unknown): Predicate {
  if (isRegex(condition)) return ofRegex(condition);
  if (!isOperatorObject(condition)) return 'eq'; // a value, a sub-document or an array: equality
  return Object.entries(condition).reduce<Predicate>(
    (best, [op, arg]) => stronger(best, operatorPredicate(op, arg, condition)),
    'other',
  );
}

/** A filter as the branches an index must serve: top-level fields, `$and`, `$or` and `$nor` flattened. */
export function branchesOf(filter: Document): Branch[] {
  let branches: Branch[] = [{}];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') for (const part of value as Document[]) branches = cross(branches, branchesOf(part));
    else if (key === '$or') branches = cross(branches, (value as Document[]).flatMap(branchesOf));
    else if (key === '$nor') {
      // Not any of them: each field is at best filtered, never bounded.
      const fields = (value as Document[]).flatMap(branchesOf).flatMap(Object.keys);
      branches = cross(branches, [Object.fromEntries(fields.map((f) => [f, 'ne' as const]))]);
    } else if (key === '$comment') continue;
    else branches = cross(branches, [{ [key]: key.startsWith('$') ? 'other' : predicateOf(value) }]);
  }
  return branches;
}

/**
 * An index key or sort as pairs (the driver sends a sort as a Map); text, hashed and geo keys
 * are left out (they serve no range or sort).
 */
export function keySpecOf(doc: Document | Map<string, unknown> | undefined): KeySpec {
  const entries = doc instanceof Map ? [...doc.entries()] : Object.entries(doc ?? {});
  return entries.flatMap(([field, dir]): KeySpec => {
    const d = Number(dir);
    return d === 1 || d === -1 ? [[field, d]] : [];
  });
}

const boundedByEquality = (p: Predicate | undefined) => p === 'eq' || p === 'in';

/** Whether `index` serves one branch of a filter with this sort (the rule at the top of this file). */
export function indexServes(index: KeySpec, branch: Branch, sort: KeySpec): boolean {
  const equalities = Object.keys(branch).filter((f) => boundedByEquality(branch[f]));
  let i = 0;
  while (i < index.length && boundedByEquality(branch[index[i]![0]])) i++;
  if (i !== equalities.length) return false; // an equality field is missing from the key prefix
  const sorted = sort.filter(([f]) => !boundedByEquality(branch[f]));
  if (sorted.length) {
    const keys = index.slice(i, i + sorted.length);
    if (keys.length < sorted.length || keys.some(([f], j) => f !== sorted[j]![0])) return false;
    const same = keys.every(([, d], j) => d === sorted[j]![1]);
    const reversed = keys.every(([, d], j) => d === -sorted[j]![1]);
    return same || reversed;
  }
  return i > 0 || branch[index[0]?.[0] ?? ''] === 'range';
}

/** Whether some declared index serves every branch of the query. */
export function isServed(query: Pick<QueryShape, 'branches' | 'sort'>, indexes: DeclaredIndex[]): boolean {
  return query.branches.every(
    (branch) =>
      boundedByEquality(branch['_id']) ||
      indexes.some((ix) => coversPartialFilter(ix, branch) && indexServes(ix.key, branch, query.sort)),
  );
}

/**
 * Whether a branch may use a (partial) index: it constrains each field of the index's
 * filter positively. An approximation (values are not compared): MongoDB wants the
 * query to imply the filter.
 */
function coversPartialFilter(index: DeclaredIndex, branch: Branch): boolean {
  return Object.keys(index.partial ?? {}).every((f) => branch[f] !== undefined && branch[f] !== 'ne' && branch[f] !== 'other');
}

/** An index as `listIndexes` describes it. */
export function declaredIndexOf(description: Document): DeclaredIndex {
  const filter = description['partialFilterExpression'] as Document | undefined;
  return {
    name: String(description['name']),
    key: keySpecOf(description['key']),
    ...(filter ? { partial: branchesOf(filter)[0] } : {}),
  };
}

/** A filter's leading `$match` stages and the `$sort` right after them: what an index can serve in a pipeline. */
function pipelineQuery(pipeline: Document[]): { filter: Document; sort?: Document } {
  const matches: Document[] = [];
  let i = 0;
  while (pipeline[i]?.['$match']) matches.push(pipeline[i++]!['$match']);
  return { filter: matches.length === 1 ? matches[0]! : { $and: matches }, sort: pipeline[i]?.['$sort'] };
}

/**
 * The queries one database command runs, as shapes. Only commands that read
 * or write by a filter count; everything else (insert, getMore, the driver's
 * hello, ping, endSessions, index administration) gives none.
 */
export function queriesOfCommand(commandName: string, command: Document): QueryShape[] {
  const shape = (filter: Document | undefined, sort?: Document): QueryShape => ({
    collection: String(command[commandName]),
    command: commandName,
    branches: branchesOf(filter ?? {}),
    sort: keySpecOf(sort),
  });
  switch (commandName) {
    case 'find':
      return [shape(command['filter'], command['sort'])];
    case 'count':
    case 'distinct':
      return [shape(command['query'])];
    case 'findAndModify':
      return [shape(command['query'], command['sort'])];
    case 'update':
      return ((command['updates'] ?? []) as Document[]).map((u) => shape(u['q'], u['sort']));
    case 'delete':
      return ((command['deletes'] ?? []) as Document[]).map((d) => shape(d['q']));
    case 'aggregate': {
      if (typeof command['aggregate'] !== 'string') return []; // database-level pipelines ($currentOp, ...)
      const { filter, sort } = pipelineQuery((command['pipeline'] ?? []) as Document[]);
      return [shape(filter, sort)];
    }
    default:
      return [];
  }
}

/** Readable and stable: `users find {role: eq} | {name: regex} sort {createdAt: -1, _id: 1}`. */
export function describeQuery(q: QueryShape): string {
  const branch = (b: Branch) =>
    `{${Object.entries(b)
      .map(([f, p]) => `${f}: ${p}`)
      .join(', ')}}`;
  const sort = q.sort.length ? ` sort {${q.sort.map(([f, d]) => `${f}: ${d}`).join(', ')}}` : '';
  return `${q.collection} ${q.command} ${q.branches.map(branch).join(' | ')}${sort}`;
}

/** Whole-collection reads that need no index (an empty filter, no sort), by collection, each with why. */
export type WholeReadAllowList = Record<string, string>;

/** The distinct queries no declared index serves (and no allow-list entry excuses), described. */
export function unservedQueries(
  queries: QueryShape[],
  indexesOf: (collection: string) => DeclaredIndex[],
  wholeReads: WholeReadAllowList = {},
): string[] {
  const unserved = queries.filter((q) => {
    const wholeRead = q.branches.length === 1 && Object.keys(q.branches[0]!).length === 0 && !q.sort.length;
    if (wholeRead && wholeReads[q.collection]) return false;
    return !isServed(q, indexesOf(q.collection));
  });
  return [...new Set(unserved.map(describeQuery))].sort();
}
