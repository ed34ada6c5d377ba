import * as zod from 'zod/mini';

// zod/mini, with every schema and check used here built the first time it is used rather than
// when its module loads. A stopped worker woken by a message evaluates every module before it
// can answer, and building the few hundred schemas of the protocol, the providers and the
// definitions took most of its wake (~10 ms of its ~13 ms of script); an answer needs a handful
// of them. A deferred schema is a stand-in that builds the real one on first use; what a built
// schema holds are real schemas, never stand-ins, so parsing costs the same. Imported only by
// ./zod.ts. tests/unit/lib/shared/zod.test.ts checks every builder the code calls is here.

export * from 'zod/mini';

/** Methods of a schema that make a new one from it: deferred too, so a chain builds nothing. */
const DERIVING_METHODS = new Set(['check', 'with', 'brand', 'register']);

const builtOf = new WeakMap<object, () => object>();

/** The real schema for a deferred one (built now if need be); anything else as it is. */
function real(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const build = builtOf.get(value);
  if (build) return build();
  if (Array.isArray(value)) return value.some((item) => builtOf.has(item as object)) ? value.map(real) : value;
  // A shape ({ name: schema }) or a params object: its values, one level down.
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const entries = Object.entries(value);
  return entries.some(([, item]) => item !== null && typeof item === 'object' && builtOf.has(item))
    ? Object.fromEntries(entries.map(([key, item]) => [key, real(item)]))
    : value;
}

function deferred(make: () => object): object {
  let built: object | undefined;
  const build = () => (built ??= make());
  const stand = new Proxy(
    {},
    {
      get(_, key) {
        if (built === undefined && typeof key === 'string' && DERIVING_METHODS.has(key)) {
          return (...args: unknown[]) => deferred(() => (build() as Record<string, (...a: unknown[]) => object>)[key]!(...args.map(real)));
        }
        return Reflect.get(build(), key);
      },
      set: (_, key, value) => Reflect.set(build(), key, value),
      has: (_, key) => Reflect.has(build(), key),
      ownKeys: () => Reflect.ownKeys(build()),
      getOwnPropertyDescriptor(_, key) {
        const descriptor = Reflect.getOwnPropertyDescriptor(build(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(build()),
    },
  );
  builtOf.set(stand, build);
  return stand;
}

// Each builder is marked free of side effects, as zod marks its own: a schema no code of a
// bundle uses is dropped from it (the views' schemas from the worker's, and the other way).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each builder is typed as zod's own below
type Args = any[];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stand-in passes for the schema it stands for
const build = (factory: (...args: unknown[]) => object, args: unknown[]): any => deferred(() => factory(...args.map(real)));

const string: typeof zod.string = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.string as never, args);
const object: typeof zod.object = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.object as never, args);
const optional: typeof zod.optional = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.optional as never, args);
const nullable: typeof zod.nullable = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.nullable as never, args);
const array: typeof zod.array = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.array as never, args);
const number: typeof zod.number = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.number as never, args);
const minLength: typeof zod.minLength = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.minLength as never, args);
const maxLength: typeof zod.maxLength = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.maxLength as never, args);
const literal: typeof zod.literal = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.literal as never, args);
const looseObject: typeof zod.looseObject = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.looseObject as never, args);
const _enum: typeof zod.enum = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.enum as never, args);
const regex: typeof zod.regex = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.regex as never, args);
const strictObject: typeof zod.strictObject = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.strictObject as never, args);
const record: typeof zod.record = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.record as never, args);
const boolean: typeof zod.boolean = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.boolean as never, args);
const unknown: typeof zod.unknown = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.unknown as never, args);
const refine: typeof zod.refine = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.refine as never, args);
const union: typeof zod.union = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.union as never, args);
const trim: typeof zod.trim = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.trim as never, args);
const minimum: typeof zod.minimum = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.minimum as never, args);
const transform: typeof zod.transform = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.transform as never, args);
const pipe: typeof zod.pipe = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.pipe as never, args);
const partialRecord: typeof zod.partialRecord = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.partialRecord as never, args);
const maximum: typeof zod.maximum = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.maximum as never, args);
const startsWith: typeof zod.startsWith = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.startsWith as never, args);
const int: typeof zod.int = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.int as never, args);
const superRefine: typeof zod.superRefine = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.superRefine as never, args);
const partial: typeof zod.partial = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.partial as never, args);
const _null: typeof zod.null = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.null as never, args);
const lazy: typeof zod.lazy = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.lazy as never, args);
const extend: typeof zod.extend = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) => build(zod.extend as never, args);
const discriminatedUnion: typeof zod.discriminatedUnion = /* @__NO_SIDE_EFFECTS__ */ (...args: Args) =>
  build(zod.discriminatedUnion as never, args);

export {
  string,
  object,
  optional,
  nullable,
  array,
  number,
  minLength,
  maxLength,
  literal,
  looseObject,
  _enum as enum,
  regex,
  strictObject,
  record,
  boolean,
  unknown,
  refine,
  union,
  trim,
  minimum,
  transform,
  pipe,
  partialRecord,
  maximum,
  startsWith,
  int,
  superRefine,
  partial,
  _null as null,
  lazy,
  extend,
  discriminatedUnion,
};
