//===- KmallocObjChecker.cpp - Checks and fix-its for kmalloc sites -------===//
//
// A Clang plugin that reads every call of an allocator of the typeslab spec
// and reports:
//   - bugs: sizeof of the pointer instead of the object, a struct smaller
//     than the destination's, an open-coded n * sizeof(T), a __counted_by
//     flexible array used before its counter is set, kmalloc + memset(0);
//   - conversions to the kmalloc_obj family (kmalloc_obj, kmalloc_objs,
//     kmalloc_flex and the kzalloc_, kvmalloc_ and kvzalloc_ forms), with a
//     fix-it when it is provably safe and a note saying why when it is not;
//   - sites the pass will leave untyped, as remarks with the pass's reason
//     classes (the shared core, ASTInference.h, decides both).
// It runs before the main action, so -fplugin= alone turns it on:
//
//   clang -fplugin=build/lib/KmallocObjChecker.so -c foo.c
//   clang -fplugin=build/lib/KmallocObjChecker.so -Xclang -fixit foo.c
//   clang ... -fplugin-arg-kmalloc_obj-no-untyped
//             -fplugin-arg-kmalloc_obj-error-sizeof-pointer
//
// docs/checker.md lists the checks, options, fix-it rules and exclusions.
//
//===----------------------------------------------------------------------===//
#include "ASTInference.h"
#include "AllocatorSpec.h"
#include "CheckerFlow.h"
#include "CheckerOptions.h"
#include "CheckerSource.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <memory>
#include <optional>

using namespace clang;

namespace typeslab {
namespace {

/// Emits the checker's diagnostics at the level the options give each check.
class Reporter {
public:
  Reporter(DiagnosticsEngine &D, const CheckerOptions &O) : D(D), O(O) {
    WarnID = D.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    ErrorID = D.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    RemarkID = D.getCustomDiagID(DiagnosticsEngine::Remark, "%0");
    NoteID = D.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  }

  bool enabled(Check C) const { return O.level(C) != Severity::Off; }

  /// The main diagnostic of check C; the message gains " [check-name]"
  /// (remarks name their reason class instead).
  DiagnosticBuilder report(Check C, SourceLocation L, const std::string &Msg) {
    // Custom diagnostics are outside -Werror's reach: honour it here.
    unsigned ID = O.level(C) == Severity::Error ? ErrorID
                  : C == Check::Untyped         ? RemarkID
                  : D.getWarningsAsErrors()     ? ErrorID
                                                : WarnID;
    std::string Text = Msg;
    if (C != Check::Untyped)
      Text += " [" + checkName(C).str() + "]";
    return std::move(D.Report(L, ID) << Text);
  }

  DiagnosticBuilder note(SourceLocation L, const std::string &Msg) {
    return std::move(D.Report(L, NoteID) << Msg);
  }

private:
  DiagnosticsEngine &D;
  const CheckerOptions &O;
  unsigned WarnID, ErrorID, RemarkID, NoteID;
};

/// Macros of the kmalloc_obj family: their sites are already converted.
bool isConvertedMacro(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "kmalloc_obj",   "kzalloc_obj",   "kmalloc_objs",  "kzalloc_objs",
      "kmalloc_flex",  "kzalloc_flex",  "kvmalloc_obj",  "kvzalloc_obj",
      "kvmalloc_objs", "kvzalloc_objs", "kvmalloc_flex", "kvzalloc_flex",
      "__alloc_objs",  "__alloc_flex"};
  return Names.contains(Name);
}

/// `sizeof(X)`, seen through parentheses and implicit casts.
const UnaryExprOrTypeTraitExpr *asSizeof(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *U = dyn_cast<UnaryExprOrTypeTraitExpr>(E->IgnoreParenImpCasts());
  return U && U->getKind() == UETT_SizeOf ? U : nullptr;
}

bool zeroes(const AllocatorInfo &A) {
  llvm::StringRef F = A.Family;
  return F.contains("zalloc") || F.contains("calloc");
}

/// The kmalloc_obj-family macro a site converts to, by allocator family.
struct ConversionNames {
  const char *Obj = nullptr;  ///< kmalloc(sizeof(X), gfp)
  const char *Objs = nullptr; ///< kmalloc_array(n, sizeof(X), gfp)
  const char *Flex = nullptr; ///< kmalloc(struct_size(p, m, n), gfp)
};

/// Linux v7.0 has the family for the kmalloc and kvmalloc allocators only:
/// there are no _node, devm_ or krealloc forms.
ConversionNames conversionFor(llvm::StringRef Family) {
  static const struct {
    const char *Family;
    ConversionNames Names;
  } Table[] = {
      {"kmalloc", {"kmalloc_obj", nullptr, "kmalloc_flex"}},
      {"kzalloc", {"kzalloc_obj", nullptr, "kzalloc_flex"}},
      {"kmalloc_array", {nullptr, "kmalloc_objs", nullptr}},
      {"kcalloc", {nullptr, "kzalloc_objs", nullptr}},
      {"kvmalloc", {"kvmalloc_obj", nullptr, "kvmalloc_flex"}},
      {"kvzalloc", {"kvzalloc_obj", nullptr, "kvzalloc_flex"}},
      {"kvmalloc_array", {nullptr, "kvmalloc_objs", nullptr}},
      {"kvcalloc", {nullptr, "kvzalloc_objs", nullptr}},
  };
  for (const auto &Row : Table)
    if (Family == Row.Family)
      return Row.Names;
  return {};
}

/// The overflow-checking array form of a single-size allocator.
const char *arrayFormOf(llvm::StringRef Family) {
  if (Family == "kmalloc")
    return "kmalloc_array";
  if (Family == "kzalloc")
    return "kcalloc";
  if (Family == "kvmalloc")
    return "kvmalloc_array";
  if (Family == "kvzalloc")
    return "kvcalloc";
  return nullptr;
}

/// One allocator call, with what the checks share about it.
struct Site {
  const CallExpr *Call = nullptr;
  const AllocatorInfo *Alloc = nullptr;
  const FunctionDecl *Fn = nullptr;
  SourceLocation Loc;           ///< File location of the call as written.
  std::string Macro;            ///< Outermost macro around the call, or "".
  bool InForeignMacro = false;  ///< Inside a macro other than the allocator's.
  QualType Dest;                ///< Pointee of the destination, or null.
  const VarDecl *Var = nullptr; ///< Local the result is stored to.
  std::optional<WrittenCall> Written; ///< The call's text, split.
  CharSourceRange WrittenRange;

  const Expr *arg(int I) const {
    return I >= 0 && static_cast<unsigned>(I) < Call->getNumArgs()
               ? Call->getArg(I)
               : nullptr;
  }
  /// The text of argument I as written, or "".
  std::string argText(int I) const {
    if (!Written || I < 0 || static_cast<size_t>(I) >= Written->Args.size())
      return "";
    return Written->Args[I];
  }
};

class FunctionChecker {
public:
  FunctionChecker(ASTContext &Ctx, Preprocessor &PP, const AllocatorSpec &Spec,
                  const CheckerOptions &Opts, Reporter &R,
                  llvm::DenseSet<std::pair<unsigned, unsigned>> &Seen,
                  const FunctionDecl &FD)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), PP(PP),
        Opts(Opts), R(R), Seen(Seen), FD(FD), Parents(FD), Inferrer(Ctx, Spec),
        Flow(Ctx, FD, Parents) {
    Inferrer.setParents(&Parents);
  }

  void run() {
    llvm::SmallVector<const CallExpr *, 16> Calls;
    collect(FD.getBody(), Calls);
    for (const CallExpr *CE : Calls)
      if (const AllocatorInfo *A = Inferrer.allocatorFor(CE))
        checkCall(CE, *A);
  }

private:
  void collect(const Stmt *S, llvm::SmallVectorImpl<const CallExpr *> &Out) {
    if (!S)
      return;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      Out.push_back(CE);
    for (const Stmt *C : S->children())
      collect(C, Out);
  }

  /// True the first time check C reports at the site at L. alloc_hooks()
  /// expands one written call into two.
  bool firstTime(Check C, SourceLocation L) {
    return Seen.insert({L.getRawEncoding(), static_cast<unsigned>(C)}).second;
  }

  SourceLocation fileLoc(SourceLocation L) const { return SM.getFileLoc(L); }

  /// True when the token at L is spelled in the file at the site, not in
  /// the body of a macro definition.
  bool writtenAtSite(SourceLocation L) const {
    return SM.getFileLoc(L) == SM.getSpellingLoc(L);
  }

  std::string text(const Expr *E) const {
    return E ? fileText(E->getSourceRange(), SM, LO) : "";
  }

  void checkCall(const CallExpr *CE, const AllocatorInfo &A) {
    Site S;
    S.Call = CE;
    S.Alloc = &A;
    S.Fn = &FD;
    S.Loc = fileLoc(CE->getBeginLoc());
    if (SM.isInSystemHeader(S.Loc))
      return;
    S.Macro = outermostMacroName(CE->getBeginLoc(), SM, LO);

    SiteVerdict V = Inferrer.infer(CE, A);
    if (!V.Typed && R.enabled(Check::Untyped) &&
        firstTime(Check::Untyped, S.Loc))
      R.report(
          Check::Untyped, S.Loc,
          untypedMessage(A.Family, FD.getNameAsString(), V.Reason, V.Class));
    if (isConvertedMacro(S.Macro))
      return;
    S.InForeignMacro =
        !S.Macro.empty() && S.Macro != A.Family && S.Macro != A.Name;
    S.Dest = Inferrer.destinationPointee(CE);
    S.Var = Inferrer.destinationVar(CE);
    if (!S.InForeignMacro) {
      CharSourceRange Range = SM.getExpansionRange(CE->getSourceRange());
      Range = Lexer::makeFileCharRange(Range, SM, LO);
      bool Invalid = false;
      llvm::StringRef T = Lexer::getSourceText(Range, SM, LO, &Invalid);
      if (!Invalid && Range.isValid()) {
        S.Written = splitWrittenCall(T);
        S.WrittenRange = Range;
        // The written arguments must be the call's, one for one.
        if (S.Written &&
            (S.Written->Args.size() != CE->getNumArgs() ||
             (S.Written->Name != A.Family && S.Written->Name != A.Name)))
          S.Written.reset();
      }
    }

    // A site with a wrong size is fixed by hand first: no conversion.
    bool WrongSize = checkSizeofPointer(S);
    WrongSize |= checkUndersized(S);
    checkMultiply(S);
    checkCountedBy(S);
    checkMemset(S);
    if (!WrongSize)
      checkConversion(S, V);
  }

  //===--- sizeof-pointer -------------------------------------------------===//
  bool checkSizeofPointer(const Site &S) {
    const UnaryExprOrTypeTraitExpr *U = asSizeof(S.arg(S.Alloc->SizeArg));
    if (!U || S.Dest.isNull() || !R.enabled(Check::SizeofPointer))
      return false;
    QualType T = U->getTypeOfArgument().getCanonicalType();
    QualType P = S.Dest.getCanonicalType();
    if (!T->isPointerType() || P->isPointerType() || isByteType(P) ||
        P->isIncompleteType())
      return false;
    if (!Ctx.hasSameUnqualifiedType(T->getPointeeType(), P))
      return false;
    SourceLocation L = fileLoc(U->getBeginLoc());
    if (!firstTime(Check::SizeofPointer, L))
      return true; // Reported for the other alloc_hooks() arm.
    R.report(Check::SizeofPointer, L,
             "'" + text(U) + "' is the size of the pointer type '" +
                 T.getAsString() + "', not of the '" +
                 S.Dest.getUnqualifiedType().getAsString() + "' it points to");
    if (!U->isArgumentType()) {
      const Expr *Op = U->getArgumentExpr()->IgnoreParens();
      CharSourceRange OpRange = Lexer::makeFileCharRange(
          CharSourceRange::getTokenRange(Op->getSourceRange()), SM, LO);
      // A leading '*' binds as intended only to a postfix expression.
      bool Postfix = isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr,
                         CallExpr>(Op);
      std::string Fixed = Postfix ? "*" + text(Op) : "*(" + text(Op) + ")";
      SourceLocation At = OpRange.isValid() ? OpRange.getBegin() : S.Loc;
      auto Note = R.note(At, "write 'sizeof(" + Fixed +
                                 ")' for the size of the object");
      if (OpRange.isValid() && Postfix)
        Note << FixItHint::CreateInsertion(OpRange.getBegin(), "*");
    }
    return true;
  }

  //===--- undersized-struct ----------------------------------------------===//
  bool checkUndersized(const Site &S) {
    const UnaryExprOrTypeTraitExpr *U = asSizeof(S.arg(S.Alloc->SizeArg));
    if (!U || S.Dest.isNull() || !R.enabled(Check::UndersizedStruct))
      return false;
    QualType T = U->getTypeOfArgument().getCanonicalType();
    QualType P = S.Dest.getCanonicalType();
    if (!T->isRecordType() || !P->isRecordType() || T->isIncompleteType() ||
        P->isIncompleteType() || Ctx.hasSameUnqualifiedType(T, P))
      return false;
    CharUnits SizeT = Ctx.getTypeSizeInChars(T);
    CharUnits SizeP = Ctx.getTypeSizeInChars(P);
    if (SizeT >= SizeP)
      return false;
    SourceLocation L = fileLoc(U->getBeginLoc());
    if (!firstTime(Check::UndersizedStruct, L))
      return true; // Reported for the other alloc_hooks() arm.
    R.report(Check::UndersizedStruct, L,
             "'" + text(U) + "' (" + std::to_string(SizeT.getQuantity()) +
                 " bytes) is smaller than '" +
                 S.Dest.getUnqualifiedType().getAsString() + "' (" +
                 std::to_string(SizeP.getQuantity()) +
                 " bytes), the type the result is stored as");
    return true;
  }

  //===--- open-coded-multiply --------------------------------------------===//
  /// The first `count * sizeof(T)` (either order) with a non-constant
  /// count, through + and -.
  const BinaryOperator *findMultiply(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    const auto *BO = dyn_cast<BinaryOperator>(E);
    if (!BO)
      return nullptr;
    if (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) {
      if (const BinaryOperator *M = findMultiply(BO->getLHS()))
        return M;
      return findMultiply(BO->getRHS());
    }
    if (BO->getOpcode() != BO_Mul)
      return nullptr;
    const Expr *L = BO->getLHS(), *Rt = BO->getRHS();
    const Expr *Count = asSizeof(Rt) ? L : asSizeof(L) ? Rt : nullptr;
    if (!Count)
      return nullptr;
    Expr::EvalResult Ignored;
    if (Count->EvaluateAsInt(Ignored, Ctx))
      return nullptr; // A constant product cannot overflow unseen.
    return BO;
  }

  void checkMultiply(const Site &S) {
    const AllocatorInfo &A = *S.Alloc;
    if (!arrayFormOf(A.Family) || !R.enabled(Check::OpenCodedMultiply))
      return;
    const Expr *Size = S.arg(A.SizeArg);
    const BinaryOperator *M = Size ? findMultiply(Size) : nullptr;
    if (!M)
      return;
    // Only a multiplication the user wrote: not one inside a size macro.
    if (!writtenAtSite(M->getOperatorLoc()))
      return;
    SourceLocation L = fileLoc(M->getOperatorLoc());
    if (!firstTime(Check::OpenCodedMultiply, L))
      return;
    R.report(Check::OpenCodedMultiply, L,
             "open-coded multiplication '" + text(M) + "' in the size of '" +
                 A.Family + "' can overflow");
    if (Size->IgnoreParenImpCasts() != M) {
      R.note(L, "compute the size with 'struct_size()', 'size_add()' or "
                "'array_size()', which saturate");
      return;
    }
    bool SizeofOnRight = asSizeof(M->getRHS()) != nullptr;
    std::string Count = text(SizeofOnRight ? M->getLHS() : M->getRHS());
    std::string Elem = text(SizeofOnRight ? M->getRHS() : M->getLHS());
    std::string Array = arrayFormOf(A.Family);
    if (S.Written && !Count.empty() && !Elem.empty() && A.SizeArg == 0 &&
        A.FlagsArg == 1 && S.Written->Args.size() == 2) {
      R.note(L, "use '" + Array + "', which fails on overflow")
          << FixItHint::CreateReplacement(S.WrittenRange,
                                          Array + "(" + Count + ", " + Elem +
                                              ", " + S.Written->Args[1] + ")");
    } else {
      R.note(L, "use '" + Array + "', which fails on overflow");
    }
  }

  //===--- counted-by-unset -----------------------------------------------===//
  /// `struct_size(p, member, count)` as the size: its three argument texts.
  std::optional<WrittenCall> structSizeArgs(const Site &S) const {
    std::string SizeText = S.argText(S.Alloc->SizeArg);
    if (SizeText.empty())
      return std::nullopt;
    std::optional<WrittenCall> W = splitWrittenCall(SizeText);
    if (!W || W->Name != "struct_size" || W->Args.size() != 3 ||
        !isIdentifier(W->Args[0]) || !isIdentifier(W->Args[1]))
      return std::nullopt;
    return W;
  }

  /// The flexible array member named Member of the destination's struct.
  const FieldDecl *flexMember(const Site &S, llvm::StringRef Member) const {
    if (S.Dest.isNull())
      return nullptr;
    const RecordDecl *RD = S.Dest->getAsRecordDecl();
    if (!RD || !(RD = RD->getDefinition()))
      return nullptr;
    const FieldDecl *Last = nullptr;
    for (const FieldDecl *F : RD->fields())
      Last = F;
    if (!Last || Last->getName() != Member ||
        !Ctx.getAsIncompleteArrayType(Last->getType()))
      return nullptr;
    return Last;
  }

  void checkCountedBy(const Site &S) {
    if (!R.enabled(Check::CountedByUnset) || !S.Var)
      return;
    std::optional<WrittenCall> SS = structSizeArgs(S);
    if (!SS || SS->Args[0] != S.Var->getName())
      return;
    const FieldDecl *Fam = flexMember(S, SS->Args[1]);
    const FieldDecl *Counter = Fam ? Fam->findCountedByField() : nullptr;
    if (!Counter)
      return;
    FlexAfter F = Flow.afterFlexAllocation(S.Call, S.Var, Fam, Counter);
    if (F.K != FlexAfter::UseFirst)
      return;
    SourceLocation L = fileLoc(F.At->getExprLoc());
    if (!firstTime(Check::CountedByUnset, L))
      return;
    R.report(Check::CountedByUnset, L,
             "'" + text(F.At) +
                 "' is used before its '__counted_by' counter '" +
                 Counter->getNameAsString() + "' is set");
    ConversionNames N = conversionFor(S.Alloc->Family);
    R.note(S.Loc,
           "'" + S.Var->getNameAsString() +
               "' is allocated here with 'struct_size()'" +
               (N.Flex ? std::string("; '") + N.Flex + "' sets the counter"
                       : std::string()));
  }

  //===--- memset-after-alloc ---------------------------------------------===//
  void checkMemset(const Site &S) {
    const AllocatorInfo &A = *S.Alloc;
    if (!R.enabled(Check::MemsetAfterAlloc) || !S.Var || zeroes(A) ||
        A.isArray() || A.OldPtrArg >= 0 || A.SrcArg >= 0)
      return;
    const Expr *Size = S.arg(A.SizeArg);
    const CallExpr *CE =
        Size ? Flow.clearingMemset(S.Call, S.Var, Size) : nullptr;
    if (!CE)
      return;
    SourceLocation L = fileLoc(CE->getBeginLoc());
    if (!firstTime(Check::MemsetAfterAlloc, L))
      return;
    // kmalloc -> kzalloc, kvmalloc_node -> kvzalloc_node; malloc -> calloc.
    std::string Z = A.Family == "malloc" ? "calloc" : A.Family;
    size_t Pos = Z.find("malloc");
    if (Pos != std::string::npos)
      Z.replace(Pos, 6, "zalloc");
    R.report(Check::MemsetAfterAlloc, L,
             "'memset' clears the whole allocation from '" + A.Family +
                 "'; use '" + Z + "'");
    R.note(S.Loc, "allocated here");
  }

  //===--- use-kmalloc-obj / -objs / -flex --------------------------------===//
  /// Why the kmalloc_obj family is not proposed for type T at all (the
  /// Coccinelle script's exclusions), or "".
  static std::string exclusion(QualType T, QualType Dest) {
    T = T.getCanonicalType();
    if (Dest.isNull())
      return "no typed destination";
    if (T->isVoidType() ||
        (T->isPointerType() && T->getPointeeType()->isVoidType()))
      return "void";
    if (T->isArithmeticType() || T->isEnumeralType())
      return "integral";
    if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
      if (isByteType(AT->getElementType()))
        return "string";
    if (isByteType(Dest))
      return "byte buffer";
    return "";
  }

  void checkConversion(const Site &S, const SiteVerdict &V) {
    // The kmalloc_obj family are C macros (typeof, statement expressions,
    // void * results); C++ code is not converted to them.
    if (LO.CPlusPlus)
      return;
    const AllocatorInfo &A = *S.Alloc;
    ConversionNames N = conversionFor(A.Family);
    const Expr *SizeE = S.arg(A.SizeArg);
    const UnaryExprOrTypeTraitExpr *U = asSizeof(SizeE);
    Check C;
    const char *NewName;
    QualType T;
    std::optional<WrittenCall> SS;
    if (U && N.Obj) {
      C = Check::UseKmallocObj;
      NewName = N.Obj;
    } else if (U && N.Objs) {
      C = Check::UseKmallocObjs;
      NewName = N.Objs;
    } else if (N.Flex && (SS = structSizeArgs(S))) {
      C = Check::UseKmallocFlex;
      NewName = N.Flex;
    } else {
      return;
    }
    if (!R.enabled(C))
      return;
    // X_noprof(...) attributes the allocation to a caller (alloc_hooks());
    // the kmalloc_obj family would attribute it to this line instead.
    const FunctionDecl *Callee = S.Call->getDirectCallee();
    if (A.Name != A.Family && S.Macro.empty() && Callee &&
        Callee->getName() == A.Name)
      return;
    if (U)
      T = U->getTypeOfArgument();
    else if (V.Typed && V.Shape == SiteShape::Flex && !S.Dest.isNull())
      T = S.Dest;
    else
      return;
    if (!exclusion(T, S.Dest).empty())
      return;
    if (!firstTime(C, S.Loc))
      return;

    // The replacement text, when the call's text is known.
    std::string Gfp = S.argText(A.FlagsArg);
    bool DropGfp = Opts.DropGfpKernel && Gfp == "GFP_KERNEL";
    std::string Tail = DropGfp || Gfp.empty() ? ")" : ", " + Gfp + ")";
    std::string NewText;
    std::optional<std::string> Operand;
    if (C == Check::UseKmallocFlex) {
      if (S.Var && SS->Args[0] == S.Var->getName())
        NewText = std::string(NewName) + "(*" + SS->Args[0] + ", " +
                  SS->Args[1] + ", " + SS->Args[2] + Tail;
    } else if ((Operand = sizeofOperandText(S.argText(A.SizeArg)))) {
      NewText = std::string(NewName) + "(" + *Operand;
      if (C == Check::UseKmallocObjs)
        NewText += ", " + S.argText(A.CountArg);
      NewText += Tail;
    }

    // The fix-it rules: each blocker is said on a note.
    std::string Blocker;
    QualType Canon = T.getCanonicalType();
    QualType DestC = S.Dest.getCanonicalType();
    if (S.InForeignMacro)
      Blocker = "the call is inside macro '" + S.Macro + "'";
    else if (!PP.isMacroDefined(NewName))
      Blocker = std::string("'") + NewName +
                "' is not defined here; include <typeslab/kmalloc_obj.h> or "
                "<linux/slab.h>";
    else if (!Ctx.hasSameUnqualifiedType(Canon, DestC) ||
             (Canon.hasQualifiers() &&
              Canon.getQualifiers() != DestC.getQualifiers()))
      Blocker = "the result is stored as '" +
                Ctx.getPointerType(S.Dest).getAsString() + "', not '" +
                Ctx.getPointerType(T).getAsString() + "'";
    else if (U && !U->isArgumentType() &&
             U->getArgumentExpr()->HasSideEffects(Ctx))
      Blocker = "the 'sizeof' operand has side effects";
    else if (T->isVariablyModifiedType())
      Blocker = "'" + T.getAsString() + "' is a variably modified type";
    else if (NewText.empty())
      Blocker = "the call's text cannot be rewritten with certainty";

    std::string Msg = "allocation of '" + T.getUnqualifiedType().getAsString() +
                      "' with '" + A.Family + "' can use '" + NewName + "'";
    if (!Blocker.empty()) {
      R.report(C, S.Loc, Msg);
      R.note(S.Loc, "no fix-it: " + Blocker);
      return;
    }
    // kmalloc_flex stores the count to a __counted_by counter at once. That
    // is invisible only if nothing could read the counter before the code
    // stores that same count itself, or if the memory was uninitialised.
    if (C == Check::UseKmallocFlex) {
      const FieldDecl *Fam = flexMember(S, SS->Args[1]);
      const FieldDecl *Counter = Fam ? Fam->findCountedByField() : nullptr;
      if (Counter && zeroes(A) && !counterSetToCount(S, Fam, Counter, *SS)) {
        R.report(C, S.Loc, Msg);
        R.note(S.Loc, "this fix-it also sets '" + Counter->getNameAsString() +
                          "', which '" + A.Family +
                          "' left zero; apply it if nothing relies on that")
            << FixItHint::CreateReplacement(S.WrittenRange, NewText);
        return;
      }
    }
    R.report(C, S.Loc, Msg)
        << FixItHint::CreateReplacement(S.WrittenRange, NewText);
    // The alternative spelling goes on a note: the variable instead of the
    // type follows the variable if its type changes.
    if (U && U->isArgumentType() && S.Var && C != Check::UseKmallocFlex) {
      std::string Alt = std::string(NewName) + "(*" + S.Var->getNameAsString();
      if (C == Check::UseKmallocObjs)
        Alt += ", " + S.argText(A.CountArg);
      Alt += Tail;
      R.note(S.Loc, "or '" + Alt + "', which follows the type of '" +
                        S.Var->getNameAsString() + "'")
          << FixItHint::CreateReplacement(S.WrittenRange, Alt);
    }
  }

  /// True when the first thing the code does with the object is to store
  /// the same count to its counter (as kmalloc_flex would).
  bool counterSetToCount(const Site &S, const FieldDecl *Fam,
                         const FieldDecl *Counter, const WrittenCall &SS) {
    FlexAfter F = Flow.afterFlexAllocation(S.Call, S.Var, Fam, Counter);
    if (F.K != FlexAfter::SetFirst || !F.StoredValue)
      return false;
    // The count expression of struct_size() is the call's size argument's
    // last operand; compare by value when constant, else by text after an
    // explicit cast to the counter's own type (what the macro's implicit
    // conversion does).
    const Expr *Stored = F.StoredValue->IgnoreParenImpCasts();
    if (const auto *CC = dyn_cast<CStyleCastExpr>(Stored))
      if (Ctx.hasSameUnqualifiedType(CC->getType(), Counter->getType()))
        Stored = CC->getSubExpr()->IgnoreParenImpCasts();
    Expr::EvalResult V;
    std::string StoredText = text(Stored);
    if (Stored->EvaluateAsInt(V, Ctx))
      return StoredText == SS.Args[2] ||
             llvm::toString(V.Val.getInt(), 10) == SS.Args[2];
    return !StoredText.empty() && StoredText == SS.Args[2] &&
           !Stored->HasSideEffects(Ctx);
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const LangOptions &LO;
  Preprocessor &PP;
  const CheckerOptions &Opts;
  Reporter &R;
  llvm::DenseSet<std::pair<unsigned, unsigned>> &Seen;
  const FunctionDecl &FD;
  FunctionParents Parents;
  SiteInferrer Inferrer;
  ObjectFlow Flow;
};

class CheckerConsumer : public ASTConsumer {
public:
  CheckerConsumer(CompilerInstance &CI, CheckerOptions Opts, AllocatorSpec Spec)
      : CI(CI), Opts(std::move(Opts)), Spec(std::move(Spec)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    Reporter R(CI.getDiagnostics(), Opts);
    llvm::DenseSet<std::pair<unsigned, unsigned>> Seen;
    struct Visitor : RecursiveASTVisitor<Visitor> {
      std::function<void(const FunctionDecl &)> Fn;
      // Each instantiation of a template is checked with its own types;
      // the dependent pattern, whose types are parameters, is not.
      bool shouldVisitTemplateInstantiations() const { return true; }
      bool VisitFunctionDecl(FunctionDecl *FD) {
        if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
          Fn(*FD);
        return true;
      }
    } V;
    V.Fn = [&](const FunctionDecl &FD) {
      // Parent links and inference only for functions that allocate.
      if (callsAllocator(FD.getBody()))
        FunctionChecker(Ctx, CI.getPreprocessor(), Spec, Opts, R, Seen, FD)
            .run();
    };
    V.TraverseDecl(Ctx.getTranslationUnitDecl());
  }

private:
  bool callsAllocator(const Stmt *S) const {
    if (!S)
      return false;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *F = CE->getDirectCallee())
        if (F->getIdentifier() && Spec.lookup(F->getName()))
          return true;
    for (const Stmt *C : S->children())
      if (callsAllocator(C))
        return true;
    return false;
  }

  CompilerInstance &CI;
  CheckerOptions Opts;
  AllocatorSpec Spec;
};

class KmallocObjAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    AllocatorSpec Spec = AllocatorSpec::builtin(Opts.AllocProfile);
    if (!Opts.SpecFile.empty())
      if (llvm::Error E = Spec.addFromFile(Opts.SpecFile))
        error(CI, llvm::toString(std::move(E)));
    return std::make_unique<CheckerConsumer>(CI, Opts, std::move(Spec));
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    std::string Err = Opts.parse(Args);
    if (Err.empty())
      return true;
    error(CI, Err);
    return false;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  static void error(const CompilerInstance &CI, const std::string &Msg) {
    DiagnosticsEngine &D = CI.getDiagnostics();
    D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "%0"))
        << (std::string(CheckerPluginName) + " plugin: " + Msg);
  }

  CheckerOptions Opts;
};

} // namespace
} // namespace typeslab

static clang::FrontendPluginRegistry::Add<typeslab::KmallocObjAction>
    RegisterChecker(typeslab::CheckerPluginName,
                    "flag untyped, old-style and buggy kmalloc sites; offer "
                    "kmalloc_obj fix-its");
