// Proves that a size that is the distance between two members,
// offsetof(S, b) - offsetof(S, a) (ext4's EXT4_S_ERR_LEN, copied into a char
// buffer), is bytes and does not type the site as S: the char destination
// types it as char; a lone offsetof(S, m) (a truncated S) still names S.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

struct sb { u32 magic; void *owner; u32 err_first; u32 err_count; u32 err_last; u32 pad; };
#define ERR_LEN (offsetof(struct sb, pad) - offsetof(struct sb, err_first))

// CHECK: offsetof-difference.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'range' as 'char' (array, evidence: destination from the front end
char *range(void) { char *save = kmalloc(ERR_LEN, GFP_KERNEL); return save; }

// CHECK: offsetof-difference.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'neg_truncated' as 'struct sb' (flex, evidence: size
void *neg_truncated(void) { return kmalloc(offsetof(struct sb, err_last), GFP_KERNEL); }
