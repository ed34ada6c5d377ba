import { describe, expect, it } from 'vitest';
import { compileNeedles } from '../../../../../lib/background/secrets/matcher';

/** The reference: mark every character inside any occurrence of any needle, then replace each marked run once. */
function naiveReplace(text: string, needles: string[], replacement: string): string {
  const covered = new Array<boolean>(text.length).fill(false);
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      for (let i = at; i < at + needle.length; i++) covered[i] = true;
    }
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) out += text[i];
    else if (i === 0 || !covered[i - 1]) out += replacement;
  }
  return out;
}

function randomString(random: () => number, alphabet: string, max: number): string {
  const length = Math.floor(random() * max);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** A small seeded generator, so a failure can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compileNeedles', () => {
  it('replaces every occurrence of every needle and leaves other text alone', () => {
    const matcher = compileNeedles(['sk_live_1', 'tok']);
    expect(matcher.replace('key sk_live_1 and tok, tok again', '█')).toBe('key █ and █, █ again');
    expect(matcher.replace('nothing here', '█')).toBe('nothing here');
  });

  it('covers overlapping and adjacent occurrences with one replacement, leaving no part of either', () => {
    const matcher = compileNeedles(['xSEC', 'SECRET']);
    expect(matcher.replace('a xSECRET b', '█')).toBe('a █ b');
    expect(matcher.replace('SECRETSECRET', '█')).toBe('█');
  });

  it('replaces a needle inside a longer one whole, and a suffix needle reached through a failed longer match', () => {
    expect(compileNeedles(['abcd', 'abcdefgh']).replace('..abcdefgh..abcdxx', '█')).toBe('..█..█xx');
    expect(compileNeedles(['abcdx', 'bcde']).replace('abcde', '█')).toBe('a█');
  });

  it('does not find a needle again inside the replacement', () => {
    expect(compileNeedles(['dact']).replace('redact', '[redacted]')).toBe('re[redacted]');
  });

  it('handles characters outside the basic plane and empty needles', () => {
    expect(compileNeedles(['🔑key', '']).replace('my 🔑key!', '█')).toBe('my █!');
    expect(compileNeedles([]).replace('text', '█')).toBe('text');
  });

  it('agrees with the character-marking reference on 2,000 random cases', () => {
    const random = mulberry32(1234);
    for (let round = 0; round < 2000; round++) {
      const needles = Array.from({ length: 1 + Math.floor(random() * 6) }, () => randomString(random, 'ab', 5));
      const text = randomString(random, 'abc', 40);
      expect(compileNeedles(needles).replace(text, '#'), JSON.stringify({ needles, text })).toBe(naiveReplace(text, needles, '#'));
    }
  });

  // Past 8,192 characters of needles the matcher hashes positions into buckets instead of one
  // regular expression (which V8 stops compiling to machine code, or refuses): both ways must agree.
  const filler = (random: () => number, count: number) =>
    Array.from({ length: count }, () => `z${randomString(random, 'xyz', 200)}y`.padEnd(120, 'x'));

  it('agrees with the reference past the size the one expression takes, on 300 random cases', () => {
    const random = mulberry32(99);
    for (let round = 0; round < 300; round++) {
      // Short needles some rounds, none shorter than 6–16 others: the hashed window is as wide as the shortest.
      const least = round % 2 === 0 ? 0 : 6 + (round % 11);
      const needles = [
        ...Array.from({ length: 1 + Math.floor(random() * 6) }, () => randomString(random, 'ab', 20).padEnd(least, 'b')),
        ...filler(random, 80),
      ];
      const text = randomString(random, 'abc', 60) + needles[needles.length - 1] + randomString(random, 'abz', 60);
      expect(compileNeedles(needles).replace(text, '#'), JSON.stringify({ needles: needles.slice(0, 6), text })).toBe(
        naiveReplace(text, needles, '#'),
      );
    }
  });

  it('finds keys sharing a vendor prefix among 2,400 stored secrets, and a 25,000-character one beside a short one', () => {
    const random = mulberry32(7);
    const keys = Array.from(
      { length: 2_400 },
      () => `sk_live_${randomString(random, 'abcdefghijklmnopqrstuvwxyz0123456789', 40).padEnd(24, '0')}`,
    );
    const text = `{"a":"${keys[17]}","b":"sk_live_not-a-key","c":"x${keys[2_399]}x${keys[5]}"}`;
    expect(compileNeedles(keys).replace(text, '#')).toBe(naiveReplace(text, keys, '#'));
    expect(compileNeedles(keys).replace(text, '#')).toBe('{"a":"#","b":"sk_live_not-a-key","c":"x#x#"}');

    const long = randomString(random, 'abcdef', 1_000_000).padEnd(25_000, 'f').slice(0, 25_000);
    const both = [long, 'tok_1'];
    const payload = `start ${long} mid tok_1 ${long.slice(0, -1)} end`;
    expect(compileNeedles(both).replace(payload, '#')).toBe(`start # mid # ${long.slice(0, -1)} end`);
  });

  it('never throws, whatever the needles: ten of 100,000 characters (one expression of them is refused, its error quoting them) are still found', () => {
    const needles = Array.from({ length: 10 }, (_, i) => `k${i}_${'abcdefgh'.repeat(12_500)}`.slice(0, 100_000));
    const text = `before ${needles[3]} after`;
    expect(compileNeedles(needles).replace(text, '#')).toBe('before # after');
  });
});
