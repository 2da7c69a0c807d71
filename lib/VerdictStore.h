//===- VerdictStore.h - Front-end verdicts handed to the pass ---*- C++ -*-===//
//
// The front-end half (FrontendVerdicts.cpp, in TypeslabFrontend.so) and the
// pass run in one cc1 process when TypeslabPass.so is loaded with
// -fpass-plugin= (or -fplugin=); see FrontendHost.h for how the two modules
// meet. The front end records one verdict per allocator call in the order
// codegen emits calls (it skips what clang folds away: unevaluated operands,
// constant-false branches, the unchosen side of __builtin_choose_expr). The
// pass finds the verdict of an IR call by (function, callee, ordinal),
// trusting a group only when both sides count the same calls; when the call
// has a DebugLoc (-g, -Rpass) the expansion line/column must agree too.
// Inference therefore needs no debug info, and the compile pays for none.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_VERDICTSTORE_H
#define TYPESLAB_LIB_VERDICTSTORE_H

#include "AllocatorSpec.h"
#include "TypeIdentity.h"
#include "VerdictKinds.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace typeslab {

/// What the front end concluded about one call, without AST pointers.
struct FrontendSite {
  std::string Callee;   ///< Called function, as named in IR.
  std::string Function; ///< Enclosing function's IR symbol name.
  std::string File;     ///< Presumed file of the expansion location.
  unsigned Line = 0;
  unsigned Col = 0;
  bool Typed = false;
  TypeIdentity Identity;
  SiteShape Shape = SiteShape::Unknown;
  std::string Evidence;
  ReasonClass Class = ReasonClass::NoEvidence;
  std::string Reason;
};

class VerdictStore {
public:
  /// The one store, owned by TypeslabPass.so. The front-end module does not
  /// link this function; it gets the store from its FrontendHost.
  static VerdictStore &get();

  /// Starts a new translation unit.
  void reset();
  /// True once the front end has run for the current translation unit.
  bool active() const { return Active; }
  /// Appends the next call of S.Callee in S.Function, in emission order.
  void add(FrontendSite S);
  /// The verdict of the Ordinal-th call of Callee in Function, provided the
  /// front end saw exactly IRCount such calls; otherwise nullptr.
  const FrontendSite *find(llvm::StringRef Function, llvm::StringRef Callee,
                           unsigned Ordinal, unsigned IRCount) const;

  /// Functions of this translation unit that return an allocator's result
  /// with a size from their own parameter: allocators in their own right.
  void addWrapper(AllocatorInfo Info) { Wrappers.push_back(std::move(Info)); }
  const AllocatorInfo *wrapper(llvm::StringRef Name) const;

private:
  std::map<std::pair<std::string, std::string>, std::vector<FrontendSite>>
      Sites;
  std::vector<AllocatorInfo> Wrappers;
  bool Active = false;
};

} // namespace typeslab

#endif // TYPESLAB_LIB_VERDICTSTORE_H
