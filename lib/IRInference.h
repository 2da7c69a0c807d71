//===- IRInference.h - Allocation-site type inference on IR -----*- C++ -*-===//
//
// The pass's own rules, used when the front-end half left no verdict (opt,
// or -typeslab-frontend=false): struct GEPs, loads and stores on the result
// (also through the -O0 alloca it is stored to), debug-info types of the
// variable it is stored to and of the function returning it, clang 22's
// !alloc_token metadata, and the size argument (constant, n * elem,
// header + n * elem) as a cross-check. Conflicting evidence is reported,
// never guessed.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_IRINFERENCE_H
#define TYPESLAB_LIB_IRINFERENCE_H

#include "AllocatorSpec.h"
#include "SiteResult.h"

#include <string>

namespace llvm {
class CallBase;
class DataLayout;
} // namespace llvm

namespace typeslab {

/// The type name of clang 22's !alloc_token metadata on CB, or "".
std::string allocTokenTypeName(const llvm::CallBase &CB);

SiteResult inferFromIR(llvm::CallBase &CB, const AllocatorInfo &A,
                       const llvm::DataLayout &DL);

} // namespace typeslab

#endif // TYPESLAB_LIB_IRINFERENCE_H
