/* Corpus: an MDIO bus registered with device-managed memory and a PHY id
 * table counted with ARRAY_SIZE(). */
#include "corpus.h"

struct mii_bus {
  const char *name;
  int (*read)(struct mii_bus *bus, int addr, int reg);
  u32 phy_mask;
};

struct phy_match {
  u32 id;
  u32 mask;
  const char *name;
};

static const u32 phy_ids[] = {0x0141, 0x0022, 0x001c, 0x2000, 0x0181};

static int fake_read(struct mii_bus *bus, int addr, int reg) {
  (void)bus;
  return addr * 32 + reg;
}

int corpus_mdio_bus_run(struct corpus_ctx *ctx) {
  struct mii_bus *bus = devm_kzalloc(ctx->dev, sizeof(*bus), GFP_KERNEL);
  CORPUS_CHECK(ctx, bus);
  bus->name = "mdio0";
  bus->read = fake_read;
  struct phy_match *m =
      kmalloc_array(ARRAY_SIZE(phy_ids), sizeof(struct phy_match), GFP_KERNEL);
  CORPUS_CHECK(ctx, m);
  for (size_t i = 0; i < ARRAY_SIZE(phy_ids); ++i)
    m[i] = (struct phy_match){phy_ids[i], 0xffff, bus->name};
  CORPUS_CHECK(ctx, m[4].id == 0x0181 && bus->read(bus, 1, 2) == 34);
  corpus_expect(ctx, m, "struct phy_match");
  corpus_expect(ctx, bus, "struct mii_bus");
  kfree(m);
  return 0;
}
