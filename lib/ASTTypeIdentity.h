//===- ASTTypeIdentity.h - Type identity of a Clang type --------*- C++ -*-===//
//
// The TypeIdentity (TypeIdentity.h) of a Clang type and its user-facing
// name. Authoritative where an AST exists: the front-end half
// (TypeslabFrontend.so, under `clang -fpass-plugin=TypeslabPass.so`) and the
// checker (`clang -fplugin=KmallocObjChecker.so`). Part of typeslabClang;
// TypeslabPass.so never links it.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_ASTTYPEIDENTITY_H
#define TYPESLAB_LIB_ASTTYPEIDENTITY_H

#include "TypeIdentity.h"

#include <string>

namespace clang {
class ASTContext;
class QualType;
} // namespace clang

namespace typeslab {

/// Identity of a (complete) Clang type; qualifiers and typedefs dropped.
/// Returns false for incomplete, function and void types.
bool identityFromAST(const clang::ASTContext &Ctx, clang::QualType T,
                     TypeIdentity &Out);

/// The user-facing canonical name of a Clang type (no qualifiers, no
/// source locations for anonymous records).
std::string canonicalTypeName(const clang::ASTContext &Ctx, clang::QualType T);

} // namespace typeslab

#endif // TYPESLAB_LIB_ASTTYPEIDENTITY_H
