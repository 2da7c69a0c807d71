/* Corpus: a vmalloc area's page array from kvmalloc_array() and
 * kvcalloc(). */
#include "corpus.h"

struct page {
  unsigned long flags;
  void *mapping;
  unsigned long index;
};

struct vm_struct {
  struct page **pages;
  unsigned long *pfns;
  unsigned int nr_pages;
};

int corpus_vmalloc_area_run(struct corpus_ctx *ctx) {
  struct vm_struct *area = kzalloc(sizeof(*area), GFP_KERNEL);
  CORPUS_CHECK(ctx, area);
  area->nr_pages = 2048;
  area->pages = kvmalloc_array(area->nr_pages, sizeof(struct page *), GFP_KERNEL);
  area->pfns = kvcalloc(area->nr_pages, sizeof(unsigned long), GFP_KERNEL);
  CORPUS_CHECK(ctx, area->pages && area->pfns && area->pfns[2047] == 0);
  for (unsigned int i = 0; i < area->nr_pages; ++i)
    area->pages[i] = NULL;
  corpus_expect(ctx, area, "struct vm_struct");
  kvfree(area->pages);
  kvfree(area->pfns);
  kfree(area);
  return 0;
}
