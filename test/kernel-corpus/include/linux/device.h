/* Minimal <linux/device.h>: a device owns managed (devm_*) allocations. */
#ifndef _CORPUS_LINUX_DEVICE_H
#define _CORPUS_LINUX_DEVICE_H
#include <linux/slab.h>
struct device {
  const char *init_name;
  void *driver_data;
  int id;
};
static inline void dev_set_drvdata(struct device *dev, void *data) {
  dev->driver_data = data;
}
static inline void *dev_get_drvdata(const struct device *dev) {
  return dev->driver_data;
}
#endif
