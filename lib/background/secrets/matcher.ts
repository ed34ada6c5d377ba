/**
 * Finds every occurrence of many needles in one pass over a text, so redacting a payload against
 * every stored secret costs time linear in the payload however many accounts there are — a loop
 * of `includes` per secret would grow with both.
 *
 * Two ways, by how much there is to find. A few needles (the usual: one to a few dozen secrets)
 * are one regular expression, a trie of literals run by the engine's native matcher — 10–20 ×
 * faster than a walk in JavaScript. Past a few thousand characters of needles V8 stops compiling
 * such a pattern to machine code and it becomes 20–40 × slower than the other way (measured: 400
 * secrets 19 ms, 800 secrets 240 ms on half a megabyte), and a pattern can be refused outright as
 * too large — in an error whose message carries the needles. So many needles, or any the engine
 * refuses, are found by a rolling hash of each position's first characters (constant time a
 * position) looked up in buckets of needles: 200 secrets on 1.2 MB, 95 → 8–37 ms against hashing
 * each window anew.
 */
export interface NeedleMatcher {
  /** The text with every character that belongs to any occurrence of any needle replaced: overlapping occurrences become one replacement. */
  replace(text: string, replacement: string): string;
}

/** [start, end) of occurrences, in order of start: overlapping and adjacent ones become one. */
class Spans {
  private out = '';
  private from = 0;
  private start = -1;
  private end = -1;

  constructor(
    private readonly text: string,
    private readonly replacement: string,
  ) {}

  add(start: number, end: number): void {
    if (start <= this.end) {
      if (end > this.end) this.end = end;
      return;
    }
    if (this.start !== -1) this.out += this.text.slice(this.from, this.start) + this.replacement;
    this.from = this.end === -1 ? 0 : this.end;
    this.start = start;
    this.end = end;
  }

  result(): string {
    if (this.start === -1) return this.text;
    return this.out + this.text.slice(this.from, this.start) + this.replacement + this.text.slice(this.end);
  }
}

const SPECIAL = /[.*+?^${}()|[\]\\/-]/g;
/** Needles' total length up to which the pattern stays compiled to machine code, with a margin. */
const MOST_IN_PATTERN = 8_192;

type Trie = Map<string, Trie> & { end?: boolean };

/** A pattern matching exactly the needles, longest first at each branch, prefixes shared. */
function triePattern(needles: readonly string[]): string {
  const root: Trie = new Map();
  for (const needle of needles) {
    let node = root;
    for (const char of needle) {
      let next = node.get(char);
      if (!next) node.set(char, (next = new Map()));
      node = next;
    }
    node.end = true;
  }
  const walk = (node: Trie): string => {
    const branches = [...node].map(([char, next]) => char.replace(SPECIAL, '\\$&') + walk(next));
    if (branches.length === 0) return '';
    // A needle ending here still prefers the longer ones through it: greedy, then nothing.
    const group = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${group})?` : group;
  };
  return walk(root);
}

type Finder = (text: string, spans: Spans) => void;

function patternFinder(needles: readonly string[]): Finder {
  const pattern = new RegExp(triePattern(needles), 'g');
  const longest = Math.max(...needles.map((needle) => needle.length));
  return (text, spans) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const end = match.index + match[0].length;
      spans.add(match.index, end);
      // An occurrence overlapping this one and reaching past it starts within its last `longest` characters.
      pattern.lastIndex = Math.max(match.index + 1, end - longest + 1);
    }
  };
}

const BASE = 65_599;
// A bitmap of the buckets in use: most positions of a text start no needle, and are passed over
// without a Map lookup.
const FILTER_BITS = 16;

function bucketFinder(needles: readonly string[]): Finder {
  // Wide enough that keys sharing a vendor's prefix (`sk_live_`, `ghp_`, `xoxb-`) land in different buckets.
  const width = Math.min(16, ...needles.map((needle) => needle.length));
  // BASE^(width-1), for taking the character that leaves the window out of a rolling hash.
  let leaving = 1;
  for (let k = 1; k < width; k++) leaving = Math.imul(leaving, BASE);
  const hashAt = (text: string, at: number) => {
    let hash = 0;
    for (let k = 0; k < width; k++) hash = (Math.imul(hash, BASE) + text.charCodeAt(at + k)) | 0;
    return hash;
  };
  const buckets = new Map<number, string[]>();
  const filter = new Uint8Array(1 << FILTER_BITS);
  // Longest first: at one position only the longest needle that starts there matters.
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    const hash = hashAt(needle, 0);
    const bucket = buckets.get(hash);
    if (bucket) bucket.push(needle);
    else buckets.set(hash, [needle]);
    filter[hash >>> (32 - FILTER_BITS)] = 1;
  }
  return (text, spans) => {
    if (text.length < width) return;
    // One hash per position in constant time: the window rolls one character at a time.
    let hash = hashAt(text, 0);
    for (let at = 0; ; at++) {
      if (filter[hash >>> (32 - FILTER_BITS)] === 1) {
        const found = buckets.get(hash)?.find((needle) => text.startsWith(needle, at));
        if (found) spans.add(at, at + found.length);
      }
      if (at + width >= text.length) return;
      hash = (Math.imul((hash - Math.imul(text.charCodeAt(at), leaving)) | 0, BASE) + text.charCodeAt(at + width)) | 0;
    }
  };
}

type Replacer = (text: string, replacement: string) => string;

const replacerOf =
  (find: Finder): Replacer =>
  (text, replacement) => {
    const spans = new Spans(text, replacement);
    find(text, spans);
    return spans.result();
  };

function replacerFor(needles: readonly string[]): Replacer {
  const bucketed = replacerOf(bucketFinder(needles));
  const total = needles.reduce((sum, needle) => sum + needle.length, 0);
  if (total > MOST_IN_PATTERN) return bucketed;
  let patterned: Replacer;
  try {
    patterned = replacerOf(patternFinder(needles));
  } catch {
    return bucketed;
  }
  return (text, replacement) => {
    try {
      return patterned(text, replacement);
    } catch {
      // Refused while matching (out of stack or memory): the same needles the other way.
      return bucketed(text, replacement);
    }
  };
}

export function compileNeedles(needles: readonly string[]): NeedleMatcher {
  const usable = [...new Set(needles.filter((needle) => needle.length > 0))];
  if (usable.length === 0) return { replace: (text) => text };
  const shortest = Math.min(...usable.map((needle) => needle.length));
  const replace = replacerFor(usable);
  return { replace: (text, replacement) => (text.length < shortest ? text : replace(text, replacement)) };
}
