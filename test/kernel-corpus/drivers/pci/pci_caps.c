/* Corpus: PCI capabilities kept on a list; the list head lives in the
 * device struct. */
#include "corpus.h"
#include <linux/list.h>

struct pci_cap {
  struct list_head node;
  u8 id, offset;
  u16 flags;
};

struct pci_dev {
  struct list_head caps;
  u16 vendor, device;
};

static struct pci_cap *add_cap(struct pci_dev *pdev, u8 id, u8 off) {
  struct pci_cap *cap = kzalloc(sizeof(*cap), GFP_KERNEL);
  if (!cap)
    return NULL;
  cap->id = id;
  cap->offset = off;
  list_add_tail(&cap->node, &pdev->caps);
  return cap;
}

int corpus_pci_caps_run(struct corpus_ctx *ctx) {
  struct pci_dev *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);
  CORPUS_CHECK(ctx, pdev);
  INIT_LIST_HEAD(&pdev->caps);
  CORPUS_CHECK(ctx, add_cap(pdev, 0x01, 0x40) && add_cap(pdev, 0x10, 0x60));
  struct list_head *pos, *tmp;
  int n = 0;
  list_for_each_safe(pos, tmp, &pdev->caps) {
    struct pci_cap *c = list_entry(pos, struct pci_cap, node);
    corpus_expect(ctx, c, "struct pci_cap");
    n += c->offset;
    list_del(pos);
    kfree(c);
  }
  CORPUS_CHECK(ctx, n == 0xa0);
  kfree(pdev);
  return 0;
}
