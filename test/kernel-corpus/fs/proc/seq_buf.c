/* Corpus: seq_file page buffers, kmalloc(PAGE_SIZE) into 'void *'
 * (untyped: constant-size-no-type). */
#include "corpus.h"
#include <stdio.h>

struct seq_file {
  char *buf;
  size_t size, count;
};

static void *proc_page;

int corpus_seq_buf_run(struct corpus_ctx *ctx) {
  struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);
  CORPUS_CHECK(ctx, m);
  proc_page = kmalloc(PAGE_SIZE, GFP_KERNEL);
  m->buf = proc_page;
  m->size = PAGE_SIZE;
  m->count = (size_t)snprintf(m->buf, m->size, "MemTotal: %d kB\n", 1024);
  CORPUS_CHECK(ctx, m->count == 18 && m->buf[0] == 'M');
  corpus_expect(ctx, m, "struct seq_file");
  kfree(proc_page);
  kfree(m);
  return 0;
}
