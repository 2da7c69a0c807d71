//===- AllocTokenPass.h - The typeslab module pass --------------*- C++ -*-===//
//
// The public face of the pass is thin; the work happens in AllocTokenPass.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_ALLOCTOKENPASS_H
#define TYPESLAB_LIB_ALLOCTOKENPASS_H

#include "llvm/IR/PassManager.h"

namespace typeslab {

class TypeslabPass : public llvm::PassInfoMixin<TypeslabPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  /// Required, so -O0 and optnone functions are rewritten too.
  static bool isRequired() { return true; }
};

} // namespace typeslab

#endif // TYPESLAB_LIB_ALLOCTOKENPASS_H
