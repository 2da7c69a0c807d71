//===- AllocatorDeclaration.h - Is a declaration the allocator? -*- C++ -*-===//
//
// The one declaration check of an allocator call, for every consumer of
// inference: the pass reads the callee's declaration from the IR
// (AllocTokenPass.cpp, under `opt -load-pass-plugin=TypeslabPass.so
// -passes=typeslab` or `clang -fpass-plugin=TypeslabPass.so`), the front-end
// half and the checker (`clang -fplugin=KmallocObjChecker.so`) from the AST
// (ASTInference.cpp). Each describes the declaration as a
// DeclaredSignature; checkAllocatorDeclaration decides, so that both speak
// of a bad declaration with the same reason class. LLVM-only.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_ALLOCATORDECLARATION_H
#define TYPESLAB_LIB_ALLOCATORDECLARATION_H

#include "AllocatorSpec.h"
#include "VerdictKinds.h"

#include <string>
#include <vector>

namespace typeslab {

/// What a parameter or the result of a declaration is, as far as the roles
/// of the spec care: sizes, counts, flags and alignments are integers; old,
/// source and out pointers and the result are pointers.
enum class ValueKind { Integer, Pointer, Other };

struct DeclaredValue {
  ValueKind Kind = ValueKind::Other;
  std::string Type; ///< The type as the caller spells it, for the reason.
};

/// A callee's declaration as the IR or the AST shows it.
struct DeclaredSignature {
  std::string Name;       ///< The callee's name, as called.
  bool Prototyped = true; ///< False for a C89 'void *kmalloc();'.
  bool Variadic = false;  ///< Takes '...'.
  std::vector<DeclaredValue> Params;
  DeclaredValue Result;
  /// The IR's type of the call and of the declaration when they differ (a
  /// call through a cast); empty otherwise, and always on the AST.
  std::string CallType, DeclaredType;
};

/// Why the declaration D cannot be the allocator A describes, in the one
/// order every consumer uses: no prototype or variadic (VariadicAllocator:
/// the typed variant cannot take a trailing token), then a call through a
/// cast, too few parameters, a parameter of the wrong kind for its role or
/// a result that is no pointer (BadDeclaration). Class is None, and Reason
/// empty, when D can be A.
struct DeclarationVerdict {
  ReasonClass Class = ReasonClass::None;
  std::string Reason;
  bool ok() const { return Class == ReasonClass::None; }
};
DeclarationVerdict checkAllocatorDeclaration(const AllocatorInfo &A,
                                             const DeclaredSignature &D);

/// True for the reason classes of a declaration the typed variant cannot
/// replace: such a call keeps its callee.
bool isDeclarationProblem(ReasonClass C);

} // namespace typeslab

#endif // TYPESLAB_LIB_ALLOCATORDECLARATION_H
