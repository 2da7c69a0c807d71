/* Corpus: ACPI table names duplicated with kstrdup(). */
#include "corpus.h"
#include <linux/string.h>

struct acpi_table_desc {
  char *signature;
  u32 length;
};

int corpus_tables_run(struct corpus_ctx *ctx) {
  static const char *const sigs[] = {"DSDT", "FACP", "APIC", "HPET"};
  struct acpi_table_desc *d = kcalloc(ARRAY_SIZE(sigs), sizeof(*d), GFP_KERNEL);
  CORPUS_CHECK(ctx, d);
  for (size_t i = 0; i < ARRAY_SIZE(sigs); ++i) {
    d[i].signature = kstrdup(sigs[i], GFP_KERNEL);
    d[i].length = 36 + (u32)i;
  }
  CORPUS_CHECK(ctx, !strcmp(d[3].signature, "HPET") && d[3].length == 39);
  corpus_expect(ctx, d, "struct acpi_table_desc");
  for (size_t i = 0; i < ARRAY_SIZE(sigs); ++i)
    kfree(d[i].signature);
  kfree(d);
  return 0;
}
