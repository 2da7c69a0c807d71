//===- CheckerFlow.h - What a function does with a new object ---*- C++ -*-===//
//
// Two checks of the KmallocObjChecker follow an allocation's result
// through the rest of its function: counted-by-unset (is the flexible
// array used before its __counted_by counter is stored?) and
// memset-after-alloc (is the allocation cleared at once?). The
// use-kmalloc-flex fix-it rule asks the first question too. ObjectFlow
// answers them over one function body, in source order, giving up (no
// finding) as soon as the object escapes where it cannot follow.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_CHECKERFLOW_H
#define TYPESLAB_LIB_CHECKERFLOW_H

#include "ASTInference.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace typeslab {

/// What the code does with a flexible-array object after allocating it.
struct FlexAfter {
  enum Kind { Nothing, UseFirst, SetFirst, Escapes } K = Nothing;
  const clang::Expr *At = nullptr; ///< The first use or the counter store.
  const clang::Expr *StoredValue = nullptr; ///< SetFirst: the value stored.
};

class ObjectFlow {
public:
  ObjectFlow(clang::ASTContext &Ctx, const clang::FunctionDecl &FD,
             const FunctionParents &Parents)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), FD(FD), Parents(Parents) {}

  /// Walks the function after Call stored a flexible-array object to Var,
  /// in source order, until Fam is used, Counter is stored, or Var escapes
  /// to a call, a return or another variable, or is overwritten.
  FlexAfter afterFlexAllocation(const clang::CallExpr *Call,
                                const clang::VarDecl *Var,
                                const clang::FieldDecl *Fam,
                                const clang::FieldDecl *Counter) const;

  /// The memset(Var, 0, Size) that clears the allocation Call stored to
  /// Var: in the same block, after at most four statements that only test
  /// Var (or do not name it) and change nothing Size reads, alone or first
  /// under an `if (Var)` (or `Var != NULL`, `likely(Var)`); or nullptr.
  const clang::CallExpr *clearingMemset(const clang::CallExpr *Call,
                                        const clang::VarDecl *Var,
                                        const clang::Expr *Size) const;

  /// True when A and B have the same constant value or are the same
  /// expression.
  bool sameValue(const clang::Expr *A, const clang::Expr *B) const;

  static bool refersTo(const clang::Expr *E, const clang::VarDecl *V);

private:
  /// The parent of E, skipping parentheses and implicit casts; Child gets
  /// the node below it.
  clang::DynTypedNode parentOf(const clang::Expr *E,
                               const clang::Stmt **Child = nullptr) const;
  /// The statement of a block of the body (not of a statement expression)
  /// that holds E.
  const clang::Stmt *
  enclosingStatement(const clang::Stmt *E,
                     const clang::CompoundStmt **Block) const;
  static bool isMemset(const clang::CallExpr *CE);
  /// The memset call statement St is, or nullptr.
  static const clang::CallExpr *asMemset(const clang::Stmt *St);
  /// True when Cond holds exactly when V is not null.
  bool testsNonNull(const clang::Expr *Cond, const clang::VarDecl *V) const;
  /// For `if (V) memset(...)` or `if (V) { memset(...); ... }` without an
  /// else, that memset; else nullptr.
  const clang::CallExpr *memsetIfNonNull(const clang::Stmt *St,
                                         const clang::VarDecl *V) const;
  /// The declarations E refers to.
  static void refsIn(const clang::Stmt *E,
                     llvm::SmallPtrSetImpl<const clang::Decl *> &Out);
  /// True when St names V other than in the condition of an if, while or
  /// do statement.
  static bool usesOutsideConditions(const clang::Stmt *St,
                                    const clang::VarDecl *V);
  /// True when St assigns, increments or takes the address of one of Vars.
  static bool
  modifiesAny(const clang::Stmt *St,
              const llvm::SmallPtrSetImpl<const clang::Decl *> &Vars);

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const clang::FunctionDecl &FD;
  const FunctionParents &Parents;
};

} // namespace typeslab

#endif // TYPESLAB_LIB_CHECKERFLOW_H
