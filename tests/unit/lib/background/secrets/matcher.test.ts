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
});
