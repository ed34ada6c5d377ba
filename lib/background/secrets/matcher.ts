/**
 * Finds every occurrence of many needles in one pass over a text (Aho–Corasick), so redacting a
 * payload against every stored secret costs time linear in the payload however many accounts
 * there are — a loop of `includes` per secret would grow with both.
 */
export interface NeedleMatcher {
  /** The text with every character that belongs to any occurrence of any needle replaced: overlapping occurrences become one replacement. */
  replace(text: string, replacement: string): string;
}

interface Automaton {
  children: Array<Map<number, number>>;
  fail: Int32Array;
  /** The length of the longest needle that ends at a node, through its failure links; 0 when none. */
  longest: Int32Array;
  shortest: number;
}

function build(needles: readonly string[]): Automaton {
  const children: Array<Map<number, number>> = [new Map()];
  const ending: number[] = [0];
  for (const needle of needles) {
    let node = 0;
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(i);
      let next = children[node]!.get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ending.push(0);
        children[node]!.set(code, next);
      }
      node = next;
    }
    ending[node] = Math.max(ending[node]!, needle.length);
  }
  const fail = new Int32Array(children.length);
  const longest = Int32Array.from(ending);
  // Breadth first, so a node's failure target (always shallower) is finished before it.
  const queue = [...children[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const [code, child] of children[node]!) {
      let target = fail[node]!;
      while (target !== 0 && !children[target]!.has(code)) target = fail[target]!;
      fail[child] = children[target]!.get(code) ?? 0;
      longest[child] = Math.max(longest[child]!, longest[fail[child]!]!);
      queue.push(child);
    }
  }
  const shortest = needles.reduce((min, needle) => Math.min(min, needle.length), Number.POSITIVE_INFINITY);
  return { children, fail, longest, shortest };
}

/** The merged [start, end) spans covered by occurrences, in order. */
function coveredSpans({ children, fail, longest }: Automaton, text: string): number[] {
  const spans: number[] = [];
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    while (node !== 0 && !children[node]!.has(code)) node = fail[node]!;
    node = children[node]!.get(code) ?? 0;
    const length = longest[node]!;
    if (length === 0) continue;
    let start = i + 1 - length;
    // Ends only grow; a start may reach back over earlier spans, which then merge into this one.
    while (spans.length > 0 && start <= spans.at(-1)!) {
      start = Math.min(start, spans.at(-2)!);
      spans.length -= 2;
    }
    spans.push(start, i + 1);
  }
  return spans;
}

export function compileNeedles(needles: readonly string[]): NeedleMatcher {
  const automaton = build(needles.filter((needle) => needle.length > 0));
  const tooShort = (text: string) => text.length < automaton.shortest;
  return {
    replace(text, replacement) {
      if (tooShort(text)) return text;
      const spans = coveredSpans(automaton, text);
      if (spans.length === 0) return text;
      let out = '';
      let from = 0;
      for (let i = 0; i < spans.length; i += 2) {
        out += text.slice(from, spans[i]) + replacement;
        from = spans[i + 1]!;
      }
      return out + text.slice(from);
    },
  };
}
