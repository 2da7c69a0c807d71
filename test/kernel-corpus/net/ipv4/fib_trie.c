/* Corpus: trie nodes with a flexible child array, kmalloc_flex() beside
 * the open-coded struct_size() form. */
#include "corpus.h"

struct key_vector {
  u32 key;
  unsigned char pos, bits;
  unsigned int nchild;
  struct key_vector *tnode[] __counted_by(nchild);
};

int corpus_fib_trie_run(struct corpus_ctx *ctx) {
  unsigned int bits = 4;
  struct key_vector *tn = kzalloc_flex(*tn, tnode, 1u << bits);
  CORPUS_CHECK(ctx, tn && tn->nchild == 16 && tn->tnode[15] == NULL);
  tn->bits = (unsigned char)bits;
  struct key_vector *old = kzalloc(struct_size(old, tnode, 2), GFP_KERNEL);
  CORPUS_CHECK(ctx, old);
  old->nchild = 2;
  tn->tnode[3] = old;
  CORPUS_CHECK(ctx, tn->tnode[3]->nchild == 2);
  corpus_expect(ctx, tn, "struct key_vector");
  corpus_expect(ctx, old, "struct key_vector");
  kfree(old);
  kfree(tn);
  return 0;
}
