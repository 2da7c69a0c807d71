//===- VerdictStore.cpp - Front-end verdicts handed to the pass -----------===//
//
// The store's operations. Both modules link this file: TypeslabFrontend.so
// fills the store and TypeslabPass.so reads it, and there is only one store,
// the one VerdictStore::get() returns in TypeslabPass.so (FrontendLoader.cpp);
// the front-end module reaches it through its FrontendHost.
//
//===----------------------------------------------------------------------===//
#include "VerdictStore.h"

namespace typeslab {

void VerdictStore::reset() {
  Sites.clear();
  Wrappers.clear();
  Active = true;
}

void VerdictStore::add(FrontendSite S) {
  Sites[{S.Function, S.Callee}].push_back(std::move(S));
}

const FrontendSite *VerdictStore::find(llvm::StringRef Function,
                                       llvm::StringRef Callee, unsigned Ordinal,
                                       unsigned IRCount) const {
  auto It = Sites.find({Function.str(), Callee.str()});
  if (It == Sites.end() || It->second.size() != IRCount || Ordinal >= IRCount)
    return nullptr;
  return &It->second[Ordinal];
}

const AllocatorInfo *VerdictStore::wrapper(llvm::StringRef Name) const {
  for (const AllocatorInfo &W : Wrappers)
    if (W.Name == Name)
      return &W;
  return nullptr;
}

} // namespace typeslab
