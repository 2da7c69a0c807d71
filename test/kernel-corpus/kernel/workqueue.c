/* Corpus: work items allocated with kmalloc_obj() and queued on a list. */
#include "corpus.h"
#include <linux/list.h>

struct work_struct {
  struct list_head entry;
  void (*func)(struct work_struct *work);
  unsigned long data;
};

static void work_fn(struct work_struct *w) { w->data++; }

int corpus_workqueue_run(struct corpus_ctx *ctx) {
  struct list_head queue = LIST_HEAD_INIT(queue);
  for (int i = 0; i < 5; ++i) {
    struct work_struct *w = kmalloc_obj(*w);
    CORPUS_CHECK(ctx, w);
    w->func = work_fn;
    w->data = (unsigned long)i;
    list_add_tail(&w->entry, &queue);
  }
  unsigned long total = 0;
  struct list_head *pos, *tmp;
  list_for_each_safe(pos, tmp, &queue) {
    struct work_struct *w = list_entry(pos, struct work_struct, entry);
    w->func(w);
    total += w->data;
    corpus_expect(ctx, w, "struct work_struct");
    list_del(pos);
    kfree(w);
  }
  CORPUS_CHECK(ctx, total == 15);
  return 0;
}
