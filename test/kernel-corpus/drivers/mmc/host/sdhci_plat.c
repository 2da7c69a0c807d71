/* Corpus: an SDHCI platform host: the host with its driver's private part
 * behind it (netdev_priv style, one allocation of two structs), and the
 * private state of a second instance allocated kmalloc_obj-style beside an
 * old-style kzalloc of the same type. */
#include "corpus.h"

struct sdhci_host {
  const char *hw_name;
  void *ioaddr;
  unsigned int quirks;
  unsigned long private[];
};

struct sdhci_plat_priv {
  struct sdhci_host *host;
  unsigned int clock;
  void *pinctrl;
};

int corpus_sdhci_plat_run(struct corpus_ctx *ctx) {
  struct sdhci_host *host =
      kzalloc(sizeof(struct sdhci_host) + sizeof(struct sdhci_plat_priv),
              GFP_KERNEL);
  CORPUS_CHECK(ctx, host);
  if (!host)
    return 1;
  struct sdhci_plat_priv *inner = (struct sdhci_plat_priv *)host->private;
  inner->host = host;
  inner->clock = 52000000;
  host->hw_name = "sdhci-plat";

  struct sdhci_plat_priv *a = kzalloc_obj(*a);
  struct sdhci_plat_priv *b = kzalloc(sizeof(struct sdhci_plat_priv), GFP_KERNEL);
  CORPUS_CHECK(ctx, a && b && a->clock == 0 && b->pinctrl == NULL);
  if (a && b) {
    a->host = b->host = host;
    a->clock = inner->clock / 2;
  }
  CORPUS_CHECK(ctx, a && a->host->hw_name[0] == 's' && a->clock == 26000000);
  corpus_expect(ctx, host, "struct sdhci_host");
  corpus_expect(ctx, a, "struct sdhci_plat_priv");
  corpus_expect(ctx, b, "struct sdhci_plat_priv");
  kfree(a);
  kfree(b);
  kfree(host);
  return 0;
}
