/**
 * fast-check arbitraries for the fuzz suites: hostile values (wrong types, control characters,
 * NUL, lone surrogates, huge strings, dates at the edges of the calendar, numbers at the edges of
 * floating point, deep nesting, prototype keys) and a valid input with a few of its values
 * replaced, removed or added, so that most cases get past the first check and reach the service.
 */
import fc from 'fast-check';

/** Cases per procedure or route: 1,000 in `npm test`; `FUZZ_RUNS=100000 npm run test:fuzz` for a long run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? '') || 1000;
/** Replays a failure: the seed fast-check printed. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const nastyText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\ud800',
  'x\udfff',
  '\u202eevil',
  '\ufeff',
  '\u0085',
  '\n\r\t',
  '=HYPERLINK("http://evil.example")',
  "'; drop table users; --",
  '%s%n%x',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'a'.repeat(10_000),
  '🙂'.repeat(400),
  'null',
  'NaN',
  '-0',
  '1e309',
  '__proto__',
  'constructor',
);

/** Text that looks like a date or a number, at the edges of what parsers accept. */
const nearlyDates = fc.constantFrom(
  '2026-02-30',
  '2026-02-29',
  '2024-02-29',
  '0000-01-01',
  '0001-01-01',
  '1969-12-31',
  '9999-12-31',
  '275760-09-13',
  '+275760-09-13',
  '-000001-01-01',
  '2026-13-01',
  '2026-1-1',
  '2026-01-05T00:00:00Z',
  '2026-01-05 ',
  '2100-01-04',
  '4713-01-01',
);

/** Dates shaped right, with any year, month and day (year 0, month 13, day 32 among them). */
const shapedDates = fc
  .record({
    y: fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(0, 0, 1, 1969, 1970, 2026, 2038, 9999),
    ),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
  })
  .map(({ y, m, d }) =>
    [String(y).padStart(4, '0'), String(m).padStart(2, '0'), String(d).padStart(2, '0')].join('-'),
  );

const edgeNumbers = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e-7,
    2 ** 31,
    2 ** 53 + 2,
    1e15,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.double(),
  fc.integer(),
);

const anyText = fc.oneof(
  nastyText,
  nearlyDates,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  edgeNumbers.map(String),
);

const uuids = (known: readonly string[]) =>
  fc.oneof(
    fc.uuid(),
    fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      ...known,
    ),
  );

const keys = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'then', ''),
  fc.string({ maxLength: 12 }),
);

/** A value nested `depth` levels deep, in arrays or objects. */
const deep = fc
  .record({ depth: fc.integer({ min: 30, max: 200 }), array: fc.boolean() })
  .map(({ depth, array }) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
    return v;
  });

/** Prototype pollution as JSON would bring it: `__proto__` as an own key. */
const polluted = fc
  .constant(null)
  .map(
    () =>
      JSON.parse(
        '{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}}}',
      ) as unknown,
  );

/** Any value at all, hostile ones first. */
export function hostile(known: readonly string[] = []): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    anyText,
    uuids(known),
    edgeNumbers,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.date({ noInvalidDate: false }),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
    ),
  }));
  return fc.oneof({ weight: 8, arbitrary: value }, deep, polluted);
}

/** A value like `original` (a string for a string, a number for a number), or anything. */
function similar(
  original: unknown,
  known: readonly string[],
  anything: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  if (typeof original === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(original))
    return fc.oneof({ weight: 3, arbitrary: fc.oneof(shapedDates, nearlyDates) }, anyText);
  if (typeof original === 'string')
    return fc.oneof(
      anyText,
      uuids(known),
      fc.constantFrom(...known, original),
      // A plausible value, so a unique name or a new email gets past the first check.
      fc
        .stringMatching(/^[a-z][a-z0-9]{1,12}$/)
        .map((s) => (original.includes('@') ? `${s}@example.test` : `${original} ${s}`)),
    );
  if (typeof original === 'number') return edgeNumbers;
  if (typeof original === 'boolean') return fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 'true'));
  return anything;
}

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

interface Edit {
  at: number;
  op: 'similar' | 'replace' | 'delete' | 'add';
  value: unknown;
  key: string;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function apply(input: unknown, paths: Path[], edits: Edit[]): unknown {
  let root = structuredClone(input);
  for (const edit of edits) {
    const path = paths[edit.at % paths.length] ?? [];
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, k) => (node as Record<string, unknown> | null)?.[k], root);
    const last = path.at(-1);
    const container = parent as Record<string | number, unknown> | unknown[] | null | undefined;
    if (edit.op === 'add') {
      const node = last === undefined ? root : (container as Record<string, unknown>)?.[last];
      if (Array.isArray(node)) node.push(edit.value);
      else if (node && typeof node === 'object')
        setOwn(node as Record<string, unknown>, edit.key, edit.value);
      continue;
    }
    if (last === undefined) {
      root = edit.op === 'delete' ? undefined : edit.value;
      continue;
    }
    if (!container || typeof container !== 'object') continue;
    if (edit.op === 'delete') {
      if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete (container as Record<string, unknown>)[last];
    } else if (Array.isArray(container)) container[Number(last)] = edit.value;
    else setOwn(container as Record<string, unknown>, String(last), edit.value);
  }
  return root;
}

/**
 * `valid` with up to three edits: a value swapped for one of its kind (most often) or for anything,
 * a key or element removed, a key or element added. Zero edits leaves the valid input itself.
 */
export function mutated(valid: unknown, known: readonly string[] = []): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const originals = paths.map((p) =>
    p.reduce<unknown>((node, k) => (node as Record<string, unknown> | null)?.[k], valid),
  );
  // Built once: building an arbitrary costs far more than drawing from it.
  const anything = hostile(known);
  const similars = originals.map((o) => similar(o, known, anything));
  const edit: fc.Arbitrary<Edit> = fc
    .record({
      at: fc.nat({ max: paths.length - 1 }),
      op: fc.constantFrom('similar', 'similar', 'similar', 'replace', 'delete', 'add'),
      key: keys,
    })
    .chain(({ at, op, key }) =>
      (op === 'similar' ? (similars[at] ?? anything) : anything).map((value) => ({
        at,
        op: op as Edit['op'],
        key,
        value,
      })),
    );
  return fc.array(edit, { maxLength: 3 }).map((edits) => apply(valid, paths, edits));
}
