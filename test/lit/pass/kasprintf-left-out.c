// Proves that the variadic kasprintf is not in the kernel profile: its
// typed variant could not take a token after '...', so the call is left as
// written, with no remark (no variadic-allocator site either), while the
// kvasprintf it wraps in the kernel is rewritten.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -S -emit-llvm -o %t.ll %s 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=IR < %t.ll
#include "kernel.h"

typedef __builtin_va_list va_list;
char *kasprintf(gfp_t gfp, const char *fmt, ...);
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap);

// IR-LABEL: @name_of(
// IR: call ptr (i32, ptr, ...) @kasprintf(i32 noundef 3264, ptr noundef @.str, i32 noundef %{{.*}})
char *name_of(int id) { return kasprintf(GFP_KERNEL, "dev%d", id); }

// REMARK: kasprintf-left-out.c:[[@LINE+3]]:{{[0-9]+}}: remark: typed 'kvasprintf' call in 'vname_of' as 'char'
// IR-LABEL: @vname_of(
// IR: call ptr @kvasprintf_token(
char *vname_of(const char *fmt, va_list ap) { return kvasprintf(GFP_KERNEL, fmt, ap); }
