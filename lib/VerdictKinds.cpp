//===- VerdictKinds.cpp - Names of reason classes and shapes --------------===//
//
// The printed names of ReasonClass and SiteShape and the untyped-site
// message (VerdictKinds.h). Part of
// typeslabLLVM, so both TypeslabPass.so (`opt -load-pass-plugin=` or
// `clang -fpass-plugin=TypeslabPass.so`) and the Clang-side modules
// (TypeslabFrontend.so, `clang -fplugin=KmallocObjChecker.so`) print the
// same words.
//
//===----------------------------------------------------------------------===//
#include "VerdictKinds.h"

namespace typeslab {

llvm::StringRef reasonClassName(ReasonClass C) {
  switch (C) {
  case ReasonClass::None:
    return "";
  case ReasonClass::RuntimeSizeNoType:
    return "runtime-size-no-type";
  case ReasonClass::ConstantSizeNoType:
    return "constant-size-no-type";
  case ReasonClass::SizeBucket:
    return "size-bucket";
  case ReasonClass::ConflictingEvidence:
    return "conflicting-evidence";
  case ReasonClass::IndirectCall:
    return "indirect-call";
  case ReasonClass::OpaqueWrapper:
    return "opaque-wrapper";
  case ReasonClass::VariadicAllocator:
    return "variadic-allocator";
  case ReasonClass::BadDeclaration:
    return "bad-declaration";
  case ReasonClass::IncompleteType:
    return "incomplete-type";
  case ReasonClass::NoEvidence:
    return "no-evidence";
  }
  return "no-evidence";
}

void untypedMessage(
    llvm::function_ref<void(llvm::StringRef Key, llvm::StringRef Text)> Piece,
    llvm::StringRef Allocator, llvm::StringRef Function, llvm::StringRef Reason,
    ReasonClass C) {
  Piece("", "untyped '");
  Piece("Allocator", Allocator);
  Piece("", "' call in '");
  Piece("Function", Function);
  Piece("", "': ");
  Piece("Reason", Reason);
  Piece("", " [");
  Piece("ReasonClass", reasonClassName(C));
  Piece("", "]");
}

std::string untypedMessage(llvm::StringRef Allocator, llvm::StringRef Function,
                           llvm::StringRef Reason, ReasonClass C) {
  std::string Text;
  untypedMessage([&](llvm::StringRef, llvm::StringRef T) { Text += T; },
                 Allocator, Function, Reason, C);
  return Text;
}

llvm::StringRef siteShapeName(SiteShape S) {
  switch (S) {
  case SiteShape::Single:
    return "single";
  case SiteShape::Array:
    return "array";
  case SiteShape::Flex:
    return "flex";
  case SiteShape::Unknown:
    return "unknown";
  }
  return "unknown";
}

} // namespace typeslab
