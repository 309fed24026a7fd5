package io.newsflow.enrich.dedupe;

/** 64-bit hashing helpers shared by the dedupe classes. */
final class Hashing {

  static final long FNV_OFFSET = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  /** The SplitMix64 finaliser: spreads every input bit over the whole word, so bins and bands are uniform. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
