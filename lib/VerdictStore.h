//===- VerdictStore.h - Front-end verdicts handed to the pass ---*- C++ -*-===//
//
// The front-end half (FrontendVerdicts.cpp) and the pass run in one cc1
// process when TypeslabPass.so is loaded with -fpass-plugin=. The front end
// records one verdict per allocator call, keyed by the call's expansion
// line/column, enclosing function (IR symbol name) and callee; the pass looks
// each IR call up by its DebugLoc. Location tracking is switched on when the
// compilation has no debug info, so inference never depends on -g.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_VERDICTSTORE_H
#define TYPESLAB_LIB_VERDICTSTORE_H

#include "ASTInference.h"

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
  bool Typed = false;
  TypeIdentity Identity;
  SiteShape Shape = SiteShape::Unknown;
  std::string Evidence;
  ReasonClass Class = ReasonClass::NoEvidence;
  std::string Reason;
};

class VerdictStore {
public:
  static VerdictStore &get();

  /// Starts a new translation unit.
  void reset();
  /// True once the front end has run for the current translation unit.
  bool active() const { return Active; }
  void add(unsigned Line, unsigned Col, FrontendSite S);
  /// The verdict for a call at Line:Col in Function calling Callee, or
  /// nullptr. Calls that codegen emits twice (both arms of alloc_hooks)
  /// share the verdict.
  const FrontendSite *find(unsigned Line, unsigned Col,
                           llvm::StringRef Function,
                           llvm::StringRef Callee) const;
  size_t size() const { return Count; }

  /// Functions of this translation unit that return an allocator's result
  /// with a size from their own parameter: allocators in their own right.
  void addWrapper(AllocatorInfo Info) { Wrappers.push_back(std::move(Info)); }
  const AllocatorInfo *wrapper(llvm::StringRef Name) const;
  const std::vector<AllocatorInfo> &wrappers() const { return Wrappers; }

private:
  using Key = std::tuple<unsigned, unsigned>;
  std::map<Key, std::vector<FrontendSite>> Sites;
  std::vector<AllocatorInfo> Wrappers;
  size_t Count = 0;
  bool Active = false;
};

} // namespace typeslab

#endif // TYPESLAB_LIB_VERDICTSTORE_H
