/*===- runtime/devres.c - devm_* allocations tied to a device --------------===*
 *
 * The runtime treats struct device as opaque: managed allocations are kept
 * in a table keyed by the device pointer and freed by devres_release_all().
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "typeslab/kernel.h"

#include <string.h>

struct devres {
  struct device *dev;
  void *ptr;
};

static struct devres *Res;
static size_t NRes, CapRes;
static pthread_mutex_t ResLock = PTHREAD_MUTEX_INITIALIZER;

static void *track(struct device *dev, void *p) {
  if (ZERO_OR_NULL_PTR(p))
    return p;
  pthread_mutex_lock(&ResLock);
  if (NRes == CapRes) {
    size_t ncap = CapRes ? CapRes * 2 : 64;
    pthread_mutex_lock(&ts.lock);
    struct devres *n = ts_meta_alloc(ncap * sizeof *n);
    pthread_mutex_unlock(&ts.lock);
    if (!n) {
      pthread_mutex_unlock(&ResLock);
      kfree(p);
      return NULL;
    }
    if (NRes)
      memcpy(n, Res, NRes * sizeof *n);
    Res = n;
    CapRes = ncap;
  }
  Res[NRes++] = (struct devres){dev, p};
  pthread_mutex_unlock(&ResLock);
  return p;
}

void *devm_kmalloc_token(struct device *dev, size_t size, gfp_t gfp,
                         typeslab_token_t token) {
  return track(dev, kmalloc_token(size, gfp, token));
}
void *devm_kzalloc_token(struct device *dev, size_t size, gfp_t gfp,
                         typeslab_token_t token) {
  return track(dev, kzalloc_token(size, gfp, token));
}
void *devm_kcalloc_token(struct device *dev, size_t n, size_t size, gfp_t flags,
                         typeslab_token_t token) {
  return track(dev, kcalloc_token(n, size, flags, token));
}
void *devm_kmalloc_array_token(struct device *dev, size_t n, size_t size,
                               gfp_t flags, typeslab_token_t token) {
  return track(dev, kmalloc_array_token(n, size, flags, token));
}
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) {
  return devm_kmalloc_token(dev, size, gfp, 0);
}
void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp) {
  return devm_kzalloc_token(dev, size, gfp, 0);
}
void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags) {
  return devm_kcalloc_token(dev, n, size, flags, 0);
}
void *devm_kmalloc_array(struct device *dev, size_t n, size_t size,
                         gfp_t flags) {
  return devm_kmalloc_array_token(dev, n, size, flags, 0);
}

void devm_kfree(struct device *dev, const void *p) {
  pthread_mutex_lock(&ResLock);
  for (size_t i = 0; i < NRes; ++i)
    if (Res[i].dev == dev && Res[i].ptr == p) {
      Res[i] = Res[--NRes];
      pthread_mutex_unlock(&ResLock);
      kfree(p);
      return;
    }
  pthread_mutex_unlock(&ResLock);
  ts_report("devm_kfree of an unmanaged pointer", p, NULL);
}

void devres_release_all(struct device *dev) {
  pthread_mutex_lock(&ResLock);
  for (size_t i = NRes; i-- > 0;)
    if (Res[i].dev == dev) {
      void *p = Res[i].ptr;
      Res[i] = Res[--NRes];
      pthread_mutex_unlock(&ResLock);
      kfree(p);
      pthread_mutex_lock(&ResLock);
    }
  pthread_mutex_unlock(&ResLock);
}
