// Proves that the kernel profile types kstrndup, kmemdup_nul and kvasprintf
// (Linux 6.12 signatures; kstrndup and kvasprintf take no size argument) as
// 'char' through a 'char *' destination and rewrites each to its _token
// variant with the arguments in place, at -O0 and -O2; that a byte source
// types a kstrndup copy stored to a 'void *'; and that with neither (a
// kvasprintf, or a kmemdup_nul of a 'void *' by a struct field's size,
// stored to a 'void *' field) the site stays untyped with the usual reason.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -S -emit-llvm -o %t.O0.ll %s 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=IR --implicit-check-not='call ptr @kstrndup(' --implicit-check-not='call ptr @kmemdup_nul(' --implicit-check-not='call ptr @kvasprintf(' < %t.O0.ll
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -S -emit-llvm -o %t.O2.ll %s 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=IR --implicit-check-not='call ptr @kstrndup(' --implicit-check-not='call ptr @kmemdup_nul(' --implicit-check-not='call ptr @kvasprintf(' < %t.O2.ll
#include "kernel.h"

typedef __builtin_va_list va_list;
char *kstrndup(const char *s, size_t max, gfp_t gfp);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap);

struct node {
  size_t len;
  void *data;
  void *blob;
  char *name;
};

// IR: @[[CHAR:__typeslab_type_[0-9a-f]+]].name = linkonce_odr hidden constant [5 x i8] c"char\00"

// REMARK: string-allocators.c:[[@LINE+3]]:{{[0-9]+}}: remark: typed 'kstrndup' call in 'set_name' as 'char' (array, evidence: destination
// IR-LABEL: @set_name(
// IR: call ptr @kstrndup_token(ptr noundef %{{.*}}, i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @[[CHAR]] to i64))
void set_name(struct node *n, const char *s) { n->name = kstrndup(s, 16, GFP_KERNEL); }

// REMARK: string-allocators.c:[[@LINE+3]]:{{[0-9]+}}: remark: typed 'kmemdup_nul' call in 'set_name_len' as 'char' (array, evidence: destination
// IR-LABEL: @set_name_len(
// IR: call ptr @kmemdup_nul_token(ptr noundef %{{.*}}, i64 noundef %{{.*}}, i32 noundef 3264, i64 ptrtoint (ptr @[[CHAR]] to i64))
void set_name_len(struct node *n, const char *s) { n->name = kmemdup_nul(s, n->len, GFP_KERNEL); }

// REMARK: string-allocators.c:[[@LINE+3]]:{{[0-9]+}}: remark: typed 'kvasprintf' call in 'format_name' as 'char' (array, evidence: destination
// IR-LABEL: @format_name(
// IR: call ptr @kvasprintf_token(i32 noundef 3264, ptr noundef %{{.*}}, ptr noundef %{{.*}}, i64 ptrtoint (ptr @[[CHAR]] to i64))
char *format_name(const char *fmt, va_list ap) { return kvasprintf(GFP_KERNEL, fmt, ap); }

// REMARK: string-allocators.c:[[@LINE+3]]:{{[0-9]+}}: remark: typed 'kstrndup' call in 'keep_copy' as 'char' (array, evidence: source
// IR-LABEL: @keep_copy(
// IR: call ptr @kstrndup_token(ptr noundef %{{.*}}, i64 noundef %{{.*}}, i32 noundef 3264, i64 ptrtoint (ptr @[[CHAR]] to i64))
void keep_copy(struct node *n, const char *s) { n->blob = kstrndup(s, n->len, GFP_KERNEL); }

// REMARK: string-allocators.c:[[@LINE+3]]:{{[0-9]+}}: remark: untyped 'kvasprintf' call in 'format_blob': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'blob') [runtime-size-no-type]
// IR-LABEL: @format_blob(
// IR: call ptr @kvasprintf_token(i32 noundef 3264, ptr noundef %{{.*}}, ptr noundef %{{.*}}, i64 0)
void format_blob(struct node *n, const char *fmt, va_list ap) { n->blob = kvasprintf(GFP_KERNEL, fmt, ap); }

// REMARK: string-allocators.c:[[@LINE+3]]:{{[0-9]+}}: remark: untyped 'kmemdup_nul' call in 'copy_blob': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'blob') [runtime-size-no-type]
// IR-LABEL: @copy_blob(
// IR: call ptr @kmemdup_nul_token(ptr noundef %{{.*}}, i64 noundef %{{.*}}, i32 noundef 3264, i64 0)
void copy_blob(struct node *n) { n->blob = kmemdup_nul(n->data, n->len, GFP_KERNEL); }
