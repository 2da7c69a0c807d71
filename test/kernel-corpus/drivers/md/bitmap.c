/* Corpus: a write-intent bitmap of unsigned longs, count * sizeof(long). */
#include "corpus.h"

#define BITS_PER_LONG 64
#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)

int corpus_bitmap_run(struct corpus_ctx *ctx) {
  unsigned long nbits = 1000;
  unsigned long *map =
      kcalloc(BITS_TO_LONGS(nbits), sizeof(unsigned long), GFP_KERNEL);
  CORPUS_CHECK(ctx, map);
  for (unsigned long b = 0; b < nbits; b += 7)
    map[b / BITS_PER_LONG] |= 1ul << (b % BITS_PER_LONG);
  unsigned long set = 0;
  for (unsigned long w = 0; w < BITS_TO_LONGS(nbits); ++w)
    set += (unsigned long)__builtin_popcountl(map[w]);
  CORPUS_CHECK(ctx, set == 143);
  corpus_expect(ctx, map, "unsigned long");
  kfree(map);
  return 0;
}
