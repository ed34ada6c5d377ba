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

function defer<F>(factory: F): F {
  return ((...args: unknown[]) => deferred(() => (factory as (...a: unknown[]) => object)(...args.map(real)))) as F;
}

const string = defer(zod.string);
const object = defer(zod.object);
const optional = defer(zod.optional);
const nullable = defer(zod.nullable);
const array = defer(zod.array);
const number = defer(zod.number);
const minLength = defer(zod.minLength);
const maxLength = defer(zod.maxLength);
const literal = defer(zod.literal);
const looseObject = defer(zod.looseObject);
const _enum = defer(zod.enum);
const regex = defer(zod.regex);
const strictObject = defer(zod.strictObject);
const record = defer(zod.record);
const boolean = defer(zod.boolean);
const unknown = defer(zod.unknown);
const refine = defer(zod.refine);
const union = defer(zod.union);
const trim = defer(zod.trim);
const minimum = defer(zod.minimum);
const transform = defer(zod.transform);
const pipe = defer(zod.pipe);
const partialRecord = defer(zod.partialRecord);
const maximum = defer(zod.maximum);
const startsWith = defer(zod.startsWith);
const int = defer(zod.int);
const superRefine = defer(zod.superRefine);
const partial = defer(zod.partial);
const _null = defer(zod.null);
const lazy = defer(zod.lazy);
const extend = defer(zod.extend);
const discriminatedUnion = defer(zod.discriminatedUnion);

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
