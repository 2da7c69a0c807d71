//===- CheckerSource.h - Source text of allocation sites --------*- C++ -*-===//
//
// The KmallocObjChecker rewrites a call as text: it reads the call the user
// wrote (`kmalloc(sizeof(*p), GFP_KERNEL)`, a function call or the
// allocator's own macro), splits it into its top-level arguments and builds
// the replacement from those pieces. These helpers say where a call was
// written, which macro (if any) wraps it, and what its pieces are.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_CHECKERSOURCE_H
#define TYPESLAB_LIB_CHECKERSOURCE_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace typeslab {

/// `name(arg, arg, ...)` as written, split at its top-level commas.
struct WrittenCall {
  std::string Name;
  std::vector<std::string> Args; ///< Each trimmed of surrounding blanks.
};

/// Splits `name ( args )` text; std::nullopt unless the whole text is one
/// identifier followed by one balanced parenthesised argument list.
std::optional<WrittenCall> splitWrittenCall(llvm::StringRef Text);

/// The operand text of `sizeof(X)` or `sizeof X`; std::nullopt otherwise.
std::optional<std::string> sizeofOperandText(llvm::StringRef Arg);

/// True when Text is a C identifier.
bool isIdentifier(llvm::StringRef Text);

/// The identifier at Loc's outermost expansion: the name of the outermost
/// macro Loc comes from, or "" when Loc is written directly in a file.
std::string outermostMacroName(clang::SourceLocation Loc,
                               const clang::SourceManager &SM,
                               const clang::LangOptions &LO);

/// The file text of Range: for a range within macro arguments, the text
/// the user wrote; "" when Range has no contiguous text in one file.
std::string fileText(clang::SourceRange Range, const clang::SourceManager &SM,
                     const clang::LangOptions &LO,
                     clang::CharSourceRange *Out = nullptr);

} // namespace typeslab

#endif // TYPESLAB_LIB_CHECKERSOURCE_H
