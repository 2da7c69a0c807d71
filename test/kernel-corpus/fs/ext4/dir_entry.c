/* Corpus: directory entries with the name in a __counted_by tail, from
 * kmalloc_flex(). */
#include "corpus.h"
#include <linux/string.h>

struct ext4_dir_entry {
  u32 inode;
  u16 rec_len;
  u8 file_type;
  u8 name_len;
  char name[] __counted_by(name_len);
};

int corpus_dir_entry_run(struct corpus_ctx *ctx) {
  const char *name = "lost+found";
  size_t len = strlen(name);
  struct ext4_dir_entry *de = kmalloc_flex(*de, name, len);
  CORPUS_CHECK(ctx, de && de->name_len == len);
  memcpy(de->name, name, len);
  de->inode = 11;
  CORPUS_CHECK(ctx, !memcmp(de->name, "lost+found", 10));
  corpus_expect(ctx, de, "struct ext4_dir_entry");
  kfree(de);
  return 0;
}
