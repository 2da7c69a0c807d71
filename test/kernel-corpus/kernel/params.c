/* Corpus: module parameters: an int array counted by ARRAY_SIZE() of a
 * name table (clang 22 types this as the name table). */
#include "corpus.h"
#include <linux/string.h>

static const char *const param_names[] = {"debug", "quiet", "verbose"};

struct kernel_param {
  const char *name;
  int perm;
  void *arg;
};

int corpus_params_run(struct corpus_ctx *ctx) {
  int *vals = kcalloc(ARRAY_SIZE(param_names), sizeof(int), GFP_KERNEL);
  struct kernel_param *kp =
      kmalloc_array(ARRAY_SIZE(param_names), sizeof(*kp), GFP_KERNEL);
  CORPUS_CHECK(ctx, vals && kp && vals[2] == 0);
  for (size_t i = 0; i < ARRAY_SIZE(param_names); ++i) {
    kp[i] = (struct kernel_param){param_names[i], 0644, &vals[i]};
    vals[i] = (int)strlen(param_names[i]);
  }
  CORPUS_CHECK(ctx, *(int *)kp[2].arg == 7);
  corpus_expect(ctx, vals, "int");
  corpus_expect(ctx, kp, "struct kernel_param");
  kfree(vals);
  kfree(kp);
  return 0;
}
