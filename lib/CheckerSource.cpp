//===- CheckerSource.cpp - Source text of allocation sites ----------------===//
//
// Text helpers of the KmallocObjChecker (lib/KmallocObjChecker.cpp): split a
// written call into its arguments, read a sizeof operand, name the macro a
// location comes from. The splitter understands parentheses, brackets,
// braces, string and character literals and comments, and refuses anything
// it cannot split with certainty, so that no fix-it is built from a guess.
//
//===----------------------------------------------------------------------===//
#include "CheckerSource.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace typeslab {

bool isIdentifier(llvm::StringRef Text) {
  if (Text.empty() || llvm::isDigit(Text[0]))
    return false;
  return llvm::all_of(Text,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

namespace {

/// Index of the parenthesis closing the one at Open, skipping literals and
/// comments; std::string::npos when unbalanced. Records the top-level
/// commas in Commas.
size_t matchParen(llvm::StringRef T, size_t Open,
                  std::vector<size_t> *Commas = nullptr) {
  int Depth = 0;
  for (size_t I = Open; I < T.size(); ++I) {
    char C = T[I];
    if (C == '"' || C == '\'') {
      for (++I; I < T.size() && T[I] != C; ++I)
        if (T[I] == '\\')
          ++I;
      if (I >= T.size())
        return llvm::StringRef::npos;
      continue;
    }
    if (C == '/' && I + 1 < T.size() && T[I + 1] == '*') {
      size_t End = T.find("*/", I + 2);
      if (End == llvm::StringRef::npos)
        return End;
      I = End + 1;
      continue;
    }
    if (C == '/' && I + 1 < T.size() && T[I + 1] == '/') {
      size_t End = T.find('\n', I);
      if (End == llvm::StringRef::npos)
        return End;
      I = End;
      continue;
    }
    if (C == '(' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}') {
      if (--Depth == 0)
        return C == ')' ? I : llvm::StringRef::npos;
    } else if (C == ',' && Depth == 1 && Commas)
      Commas->push_back(I);
  }
  return llvm::StringRef::npos;
}

} // namespace

std::optional<WrittenCall> splitWrittenCall(llvm::StringRef Text) {
  Text = Text.trim();
  size_t NameEnd = 0;
  while (NameEnd < Text.size() &&
         (llvm::isAlnum(Text[NameEnd]) || Text[NameEnd] == '_'))
    ++NameEnd;
  WrittenCall W;
  W.Name = Text.substr(0, NameEnd).str();
  if (!isIdentifier(W.Name))
    return std::nullopt;
  size_t Open = Text.find_first_not_of(" \t\r\n", NameEnd);
  if (Open == llvm::StringRef::npos || Text[Open] != '(')
    return std::nullopt;
  std::vector<size_t> Commas;
  size_t Close = matchParen(Text, Open, &Commas);
  if (Close != Text.size() - 1)
    return std::nullopt;
  size_t Start = Open + 1;
  Commas.push_back(Close);
  for (size_t Comma : Commas) {
    llvm::StringRef Arg = Text.slice(Start, Comma).trim();
    if (Arg.empty())
      return std::nullopt;
    W.Args.push_back(Arg.str());
    Start = Comma + 1;
  }
  return W;
}

std::optional<std::string> sizeofOperandText(llvm::StringRef Arg) {
  Arg = Arg.trim();
  // Peel parentheses around the whole sizeof: `(sizeof(x))`.
  while (Arg.starts_with("(") && matchParen(Arg, 0) == Arg.size() - 1)
    Arg = Arg.drop_front().drop_back().trim();
  if (!Arg.consume_front("sizeof"))
    return std::nullopt;
  if (Arg.empty() || llvm::isAlnum(Arg[0]) || Arg[0] == '_')
    return std::nullopt;
  Arg = Arg.trim();
  if (Arg.starts_with("(") && matchParen(Arg, 0) == Arg.size() - 1)
    Arg = Arg.drop_front().drop_back().trim();
  else if (!llvm::all_of(Arg, [](char C) {
             return llvm::isAlnum(C) || C == '_' || C == '*' || C == ' ';
           }))
    // `sizeof *p` and `sizeof x` only; anything longer needs parentheses
    // to be sure where the operand ends.
    return std::nullopt;
  if (Arg.empty())
    return std::nullopt;
  return Arg.str();
}

std::string outermostMacroName(SourceLocation Loc, const SourceManager &SM,
                               const LangOptions &LO) {
  if (Loc.isFileID())
    return "";
  SourceLocation At = SM.getExpansionLoc(Loc);
  Token Tok;
  if (Lexer::getRawToken(At, Tok, SM, LO, /*IgnoreWhiteSpace=*/true) ||
      !Tok.is(tok::raw_identifier))
    return "";
  return Tok.getRawIdentifier().str();
}

std::string fileText(SourceRange Range, const SourceManager &SM,
                     const LangOptions &LO, CharSourceRange *Out) {
  CharSourceRange R =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(Range), SM, LO);
  if (R.isInvalid())
    return "";
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(R, SM, LO, &Invalid);
  if (Invalid)
    return "";
  if (Out)
    *Out = R;
  return Text.str();
}

} // namespace typeslab
