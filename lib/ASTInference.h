//===- ASTInference.h - Site type inference on the AST ----------*- C++ -*-===//
//
// Given a call to an allocator of the spec, works out the allocated type from
// the size expression (sizeof, offsetof, struct_size, size_add/size_mul,
// ALIGN/max/round_up, ARRAY_SIZE counts, static size helpers, local size
// variables and their straight-line writes) and from where the result flows
// (assignment, initialisation, return, argument, explicit cast, a returned
// 'void *' local, a first member at offset 0), seeing through
// alloc_hooks-style statement expressions. Part of the
// Clang-side library typeslabClang, used by the pass's front-end half
// (TypeslabFrontend.so, under `clang -fpass-plugin=TypeslabPass.so`) and by
// the checker (`clang -fplugin=KmallocObjChecker.so`), so both speak of the
// same verdicts and reason classes (VerdictKinds.h). TypeslabPass.so never
// links it.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_ASTINFERENCE_H
#define TYPESLAB_LIB_ASTINFERENCE_H

#include "ASTTypeIdentity.h"
#include "AllocatorSpec.h"
#include "VerdictKinds.h"

#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace typeslab {

/// The AST half's verdict on one call.
struct SiteVerdict {
  bool Typed = false;
  clang::QualType Type;  ///< Allocated (element/header) type when typed.
  TypeIdentity Identity; ///< Identity of Type when typed.
  SiteShape Shape = SiteShape::Unknown;
  std::string Evidence; ///< "sizeof", "sizeof+destination", "cast", ...
  ReasonClass Class = ReasonClass::NoEvidence;
  std::string Reason; ///< Words, for remarks and records.
  /// OpaqueWrapper only: the enclosing function and the index of its
  /// parameter the size comes from.
  const clang::FunctionDecl *Wrapper = nullptr;
  int WrapperSizeParam = -1;
};

/// The one byte-type rule: void or a character type ('char', 'signed char',
/// 'unsigned char', u8). Memory stored only to such a pointer names no type
/// of its own; the checker's exclusions use the same rule.
bool isByteType(clang::QualType T);

/// Parent links within one function body. Building them for the functions
/// that allocate is far cheaper than the ASTContext's whole-TU parent map.
class FunctionParents {
public:
  explicit FunctionParents(const clang::FunctionDecl &FD);
  /// The parent of a Stmt or Decl of the body; an empty node at the top.
  clang::DynTypedNode parent(const clang::DynTypedNode &N) const;

private:
  void walk(const clang::Stmt *S);
  llvm::DenseMap<const void *, clang::DynTypedNode> Map;
};

class SiteInferrer {
public:
  SiteInferrer(clang::ASTContext &Ctx, const AllocatorSpec &Spec)
      : Ctx(Ctx), Spec(Spec) {}

  /// Parent links to use for the calls of one function; without them the
  /// ASTContext's parent map is used.
  void setParents(const FunctionParents *P) { Parents = P; }

  /// The spec entry of a direct call's callee, or nullptr.
  const AllocatorInfo *allocatorFor(const clang::CallExpr *CE) const;

  /// The verdict for one allocator call.
  SiteVerdict infer(const clang::CallExpr *CE, const AllocatorInfo &A);

  /// The type the result of CE flows into (destination), seeing through
  /// parentheses, implicit casts and alloc_hooks statement expressions; a
  /// null QualType when there is none. Exposed for the checker.
  clang::QualType destinationPointee(const clang::Expr *CE);

  /// The local variable the result of CE is stored to (assignment or
  /// initialisation, seen through the same wrappers), or nullptr. Exposed
  /// for the checker.
  const clang::VarDecl *destinationVar(const clang::Expr *CE);

private:
  clang::ASTContext &Ctx;
  const AllocatorSpec &Spec;
  const FunctionParents *Parents = nullptr;
};

} // namespace typeslab

#endif // TYPESLAB_LIB_ASTINFERENCE_H
