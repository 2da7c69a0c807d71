//===- VerdictKinds.h - Reason classes and shapes of a site -----*- C++ -*-===//
//
// The words every verdict is told in, whichever half reached it: why a site
// is untyped (ReasonClass) and how its size relates to the type (SiteShape),
// with the names remarks, site records, checker remarks and CI reports print.
// LLVM-only, so that the pass (TypeslabPass.so, loaded by
// `opt -load-pass-plugin=TypeslabPass.so -passes=typeslab` and
// `clang -fpass-plugin=TypeslabPass.so`) shares them with the front-end half
// and the checker (`clang -fplugin=KmallocObjChecker.so`) without linking
// any Clang code.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_VERDICTKINDS_H
#define TYPESLAB_LIB_VERDICTKINDS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace typeslab {

/// Why a site is untyped. The names (reasonClassName) appear in remarks,
/// site records, checker remarks and CI reports.
enum class ReasonClass {
  None,                ///< Typed.
  RuntimeSizeNoType,   ///< Runtime size; result only stored to a 'void *'.
  ConstantSizeNoType,  ///< Constant size (PAGE_SIZE...) and no type anywhere.
  SizeBucket,          ///< Size picks between types (c ? sizeof(A) : ...).
  ConflictingEvidence, ///< Size and destination name different types.
  IndirectCall,        ///< Call through a function pointer.
  OpaqueWrapper,       ///< Size comes from a wrapper's parameter.
  VariadicAllocator,   ///< Typed variant cannot take a trailing token.
  BadDeclaration,      ///< Declaration does not fit the spec (arity, kinds).
  IncompleteType,      ///< The named type is incomplete at the site.
  NoEvidence,          ///< Nothing to go on (IR-only fallback).
};

/// "runtime-size-no-type", ...; "" for None.
llvm::StringRef reasonClassName(ReasonClass C);

/// The one message of an untyped site, for the pass's remark and the
/// checker's alike:
///   untyped 'ALLOCATOR' call in 'FUNCTION': REASON [REASON-CLASS]
/// Piece receives it in order, a piece at a time: Key is "" for the fixed
/// words, otherwise the name of the value ("Allocator", "Function",
/// "Reason", "ReasonClass"), which a remark keeps as a named argument.
void untypedMessage(
    llvm::function_ref<void(llvm::StringRef Key, llvm::StringRef Text)> Piece,
    llvm::StringRef Allocator, llvm::StringRef Function, llvm::StringRef Reason,
    ReasonClass C);

/// The same message as one string.
std::string untypedMessage(llvm::StringRef Allocator, llvm::StringRef Function,
                           llvm::StringRef Reason, ReasonClass C);

/// How the size relates to the type.
enum class SiteShape { Single, Array, Flex, Unknown };

/// "single", "array", "flex" or "unknown".
llvm::StringRef siteShapeName(SiteShape S);

} // namespace typeslab

#endif // TYPESLAB_LIB_VERDICTKINDS_H
