//===- FrontendVerdicts.cpp - The typeslab pass's front-end half ----------===//
//
// A Clang plugin action (AddBeforeMainAction, so loading the library is
// enough) that runs SiteInferrer over every allocator call of the
// translation unit and leaves the verdicts in the pass's VerdictStore. It
// lives in TypeslabFrontend.so, which TypeslabPass.so loads and attaches when
// it finds itself in a Clang process (FrontendHost.h), so
//
//   clang -O2 -fpass-plugin=TypeslabPass.so -c foo.c
//
// runs both halves in one process. Verdicts are recorded in the order
// codegen emits calls (see VerdictStore.h), so no debug info is needed.
//
//===----------------------------------------------------------------------===//
#include "ASTInference.h"
#include "FrontendHost.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/CodeGenOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Timer.h"

using namespace clang;

namespace typeslab {

namespace {

/// The pass module's store, options and spec; set by
/// typeslab_frontend_attach() before the action is registered.
const FrontendHost *Host = nullptr;

/// The suffix of a wrapper's token-taking clone; see AllocTokenPass.cpp.
constexpr const char WrapperCloneSuffix[] = ".typeslab";

class VerdictCollector : public RecursiveASTVisitor<VerdictCollector> {
public:
  VerdictCollector(ASTContext &Ctx, const AllocatorSpec &Spec)
      : Ctx(Ctx), Inferrer(Ctx, Spec), Mangler(Ctx.createMangleContext()) {}

  /// Wrappers whose inner call is an opaque-wrapper site.
  std::vector<AllocatorInfo> Found;
  /// The verdicts, in emission order.
  std::vector<FrontendSite> Verdicts;

  /// Walks only the functions codegen emits (C): the roots, then every
  /// internal function they reference, transitively. A kernel TU defines
  /// thousands of static inline helpers in headers that reference each
  /// other but that no emitted function reaches; skipping them is most of
  /// the front end's cost.
  void walkReachable(TranslationUnitDecl *TU) {
    Reachable = true;
    for (Decl *D : TU->decls()) {
      if (auto *FD = dyn_cast<FunctionDecl>(D)) {
        if (FD->doesThisDeclarationHaveABody() && isRoot(FD))
          enqueue(FD);
        if (const auto *A = FD->getAttr<AliasAttr>())
          Aliasees.insert(A->getAliasee());
      } else if (auto *VD = dyn_cast<VarDecl>(D)) {
        // Functions named in a global's initializer (ops tables) are
        // emitted with it.
        if (const Expr *Init = VD->getInit())
          TraverseStmt(const_cast<Expr *>(Init));
        if (const auto *A = VD->getAttr<AliasAttr>())
          Aliasees.insert(A->getAliasee());
      }
    }
    if (!Aliasees.empty())
      for (Decl *D : TU->decls())
        if (auto *FD = dyn_cast<FunctionDecl>(D))
          if (FD->doesThisDeclarationHaveABody() && FD->getIdentifier() &&
              Aliasees.contains(FD->getName()))
            enqueue(FD);
    while (!Worklist.empty()) {
      FunctionDecl *FD = Worklist.back();
      Worklist.pop_back();
      TraverseDecl(FD);
    }
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (Reachable)
      if (auto *FD = dyn_cast<FunctionDecl>(E->getDecl()))
        if (FunctionDecl *Def = FD->getDefinition())
          enqueue(Def);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (Reachable)
      if (const auto *A = VD->getAttr<CleanupAttr>())
        if (FunctionDecl *FD = A->getFunctionDecl())
          if (FunctionDecl *Def = FD->getDefinition())
            enqueue(Def);
    return true;
  }

  /// Calls are visited after their arguments, as codegen evaluates them.
  bool shouldTraversePostOrder() const { return true; }

  // Types hold no calls that are emitted; skipping them halves the walk.
  bool TraverseTypeLoc(TypeLoc, bool = true) { return true; }

  // What clang folds away is never emitted: skip it, or ordinals drift.
  bool TraverseIfStmt(IfStmt *S, DataRecursionQueue * = nullptr) {
    bool V;
    if (!S->getInit() && !S->getConditionVariable() &&
        foldsTo(S->getCond(), V) &&
        !containsLabel(V ? S->getElse() : S->getThen()))
      return TraverseStmt(V ? S->getThen() : S->getElse());
    for (Stmt *C : S->children())
      if (!TraverseStmt(C))
        return false;
    return true;
  }
  bool TraverseConditionalOperator(ConditionalOperator *E,
                                   DataRecursionQueue * = nullptr) {
    bool V;
    if (foldsTo(E->getCond(), V) &&
        !containsLabel(V ? E->getFalseExpr() : E->getTrueExpr()))
      return TraverseStmt(V ? E->getTrueExpr() : E->getFalseExpr());
    return TraverseStmt(E->getCond()) && TraverseStmt(E->getTrueExpr()) &&
           TraverseStmt(E->getFalseExpr());
  }
  bool TraverseBinaryOperator(BinaryOperator *E,
                              DataRecursionQueue * = nullptr) {
    bool V;
    if ((E->getOpcode() == BO_LAnd || E->getOpcode() == BO_LOr) &&
        foldsTo(E->getLHS(), V)) {
      // 1 && X and 0 || X emit X; 0 && X and 1 || X emit nothing.
      bool EmitRHS = E->getOpcode() == BO_LAnd ? V : !V;
      if (EmitRHS || containsLabel(E->getRHS()))
        return TraverseStmt(E->getRHS());
      return true;
    }
    return TraverseStmt(E->getLHS()) && TraverseStmt(E->getRHS()) &&
           WalkUpFromBinaryOperator(E);
  }
  bool TraverseChooseExpr(ChooseExpr *E, DataRecursionQueue * = nullptr) {
    return TraverseStmt(E->getChosenSubExpr());
  }

  // C++: each instantiation of a template is a function of its own, with
  // its own types; the dependent pattern is never emitted.
  bool shouldVisitTemplateInstantiations() const { return true; }

  /// Every kind of function (C functions, C++ methods, constructors,
  /// instantiations) is the current function for the calls in its body.
  bool TraverseDecl(Decl *D) {
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD)
      return RecursiveASTVisitor::TraverseDecl(D);
    if (FD->isDependentContext())
      return true;
    // Codegen emits no internal function that nothing references; the
    // unused static inline helpers of kernel headers are most of a TU.
    if (!Reachable && FD->doesThisDeclarationHaveABody() &&
        !FD->isExternallyVisible() && !FD->isUsed() && !FD->isReferenced())
      return true;
    return within(FD, [&] { return RecursiveASTVisitor::TraverseDecl(D); });
  }

  /// A lambda's body belongs to its call operator, which codegen emits as
  /// a function of its own; its captures are evaluated where it is written.
  bool TraverseLambdaExpr(LambdaExpr *LE, DataRecursionQueue * = nullptr) {
    for (Expr *Init : LE->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    CXXMethodDecl *Op = LE->getCallOperator();
    if (!Op || Op->isDependentContext() || Op->getDescribedFunctionTemplate())
      return true; // generic lambdas are left to the IR rules
    // A closure with no mangling number of its own (a lambda in a
    // non-inline function) is named '$_N' by a counter codegen advances in
    // its own order; ours could give two lambdas each other's names, and so
    // each other's verdicts. Their calls get none: the IR rules decide.
    const FunctionDecl *Named = Op;
    if (llvm::StringRef(symbolName(Op)).contains("$_"))
      Named = nullptr;
    return within(Named, [&] { return TraverseStmt(LE->getBody()); });
  }

  // Calls in unevaluated operands (typeof, sizeof, _Alignof) are never
  // emitted; alloc_hooks()' `typeof(call) _res` holds one at the very
  // location of the real call.
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc, bool = false) {
    return true;
  }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *,
                                        DataRecursionQueue * = nullptr) {
    return true;
  }
  bool TraverseGenericSelectionExpr(GenericSelectionExpr *GSE,
                                    DataRecursionQueue * = nullptr) {
    if (!GSE->isResultDependent())
      return TraverseStmt(GSE->getResultExpr());
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (!Current || CE->isTypeDependent() || CE->isValueDependent())
      return true;
    const AllocatorInfo *A = Inferrer.allocatorFor(CE);
    if (!A)
      return true;
    SourceManager &SM = Ctx.getSourceManager();
    PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(CE->getExprLoc()));
    // Parent links for this function, built at its first allocator call.
    if (!Parents) {
      Parents = std::make_unique<FunctionParents>(*Current);
      Inferrer.setParents(Parents.get());
    }
    SiteVerdict V = Inferrer.infer(CE, *A);
    if (V.Class == ReasonClass::OpaqueWrapper && V.Wrapper &&
        V.Wrapper->getIdentifier()) {
      AllocatorInfo W;
      W.Name = symbolName(V.Wrapper);
      W.Family = V.Wrapper->getName().str();
      W.Typed = W.Name + WrapperCloneSuffix;
      W.SizeArg = V.WrapperSizeParam;
      Found.push_back(std::move(W));
    }
    FrontendSite S;
    S.Callee = CE->getDirectCallee()->getName().str();
    S.Function = symbolName(Current);
    if (PL.isValid()) {
      S.File = PL.getFilename();
      S.Line = PL.getLine();
      S.Col = PL.getColumn();
    }
    S.Typed = V.Typed;
    S.Identity = std::move(V.Identity);
    S.Shape = V.Shape;
    S.Evidence = std::move(V.Evidence);
    S.Class = V.Class;
    S.Reason = std::move(V.Reason);
    Verdicts.push_back(std::move(S));
    return true;
  }

private:
  /// Runs Walk with FD as the current function, with parent links of its
  /// own built at its first allocator call.
  template <typename WalkFn> bool within(const FunctionDecl *FD, WalkFn Walk) {
    const FunctionDecl *Saved = Current;
    std::unique_ptr<FunctionParents> SavedParents = std::move(Parents);
    Current = FD;
    Inferrer.setParents(nullptr);
    bool R = Walk();
    Current = Saved;
    Parents = std::move(SavedParents);
    Inferrer.setParents(Parents.get());
    return R;
  }

  /// Clang's ConstantFoldsToSimpleInteger: an integer constant without
  /// side effects.
  bool foldsTo(const Expr *Cond, bool &Value) {
    Expr::EvalResult R;
    if (!Cond || Cond->isValueDependent() || !Cond->EvaluateAsInt(R, Ctx))
      return false;
    Value = R.Val.getInt().getBoolValue();
    return true;
  }

  /// Clang's ContainsLabel: a dead region with a label is still emitted.
  static bool containsLabel(const Stmt *S) {
    if (!S)
      return false;
    if (isa<LabelStmt, SwitchCase>(S))
      return true;
    for (const Stmt *C : S->children())
      if (containsLabel(C))
        return true;
    return false;
  }

  std::string symbolName(const FunctionDecl *FD) {
    if (!Mangler->shouldMangleDeclName(FD))
      return FD->getName().str();
    std::string S;
    llvm::raw_string_ostream OS(S);
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(FD))
      return FD->getNameAsString();
    Mangler->mangleName(GlobalDecl(FD), OS);
    return S;
  }

  /// Functions codegen emits whatever references them.
  static bool isRoot(const FunctionDecl *FD) {
    return FD->isExternallyVisible() || FD->hasAttr<UsedAttr>() ||
           FD->hasAttr<RetainAttr>() || FD->hasAttr<ConstructorAttr>() ||
           FD->hasAttr<DestructorAttr>();
  }
  void enqueue(FunctionDecl *FD) {
    if (Queued.insert(FD).second)
      Worklist.push_back(FD);
  }

  bool Reachable = false;
  llvm::SmallPtrSet<const FunctionDecl *, 32> Queued;
  std::vector<FunctionDecl *> Worklist;
  llvm::StringSet<> Aliasees;

  ASTContext &Ctx;
  SiteInferrer Inferrer;
  std::unique_ptr<MangleContext> Mangler;
  const FunctionDecl *Current = nullptr;
  std::unique_ptr<FunctionParents> Parents;
};

class VerdictConsumer : public ASTConsumer {
public:
  VerdictConsumer(const AllocatorSpec &Spec, VerdictStore &Store, bool TimeIt)
      : Spec(Spec), Store(Store), TimeIt(TimeIt) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    // -ftime-report shows this half next to the pass (bench/kernel).
    llvm::NamedRegionTimer Timer("typeslab-frontend",
                                 "typeslab front-end half", "typeslab",
                                 "typeslab", TimeIt);
    // One walk in the common case; a wrapper found makes its callers sites,
    // so walk again (wrappers of wrappers take further rounds).
    AllocatorSpec Extended = Spec;
    for (unsigned Round = 0;; ++Round) {
      VerdictCollector C(Ctx, Extended);
      if (Ctx.getLangOpts().CPlusPlus)
        C.TraverseDecl(Ctx.getTranslationUnitDecl());
      else
        C.walkReachable(Ctx.getTranslationUnitDecl());
      bool New = false;
      for (AllocatorInfo &W : C.Found) {
        if (Extended.lookup(W.Name))
          continue;
        Store.addWrapper(W);
        Extended.addDerived(std::move(W));
        New = true;
      }
      if (!New || Round == 3) {
        for (FrontendSite &S : C.Verdicts)
          Store.add(std::move(S));
        break;
      }
    }
  }

private:
  const AllocatorSpec &Spec;
  VerdictStore &Store;
  bool TimeIt;
};

class TypeslabFrontendAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    Host->Store->reset();
    if (!Host->Options().UseFrontend)
      return std::make_unique<ASTConsumer>();
    if (CI.getCodeGenOpts().DisableLLVMPasses) {
      // -save-temps (or -disable-llvm-passes) runs no pass in this compile,
      // and the one that later compiles its IR has no AST: the pass would
      // type only what the IR rules see, silently fewer sites.
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(
          DiagnosticsEngine::Error,
          "typeslab: the pass cannot use the front end's verdicts when "
          "the compile is split by -save-temps or -disable-llvm-passes, "
          "and would type fewer sites; drop the option, or pass -Xclang "
          "-mllvm -Xclang -typeslab-frontend=false to use the IR rules "
          "alone"));
      return std::make_unique<ASTConsumer>();
    }
    std::string Error;
    const AllocatorSpec *Spec = Host->Spec(Error);
    if (!Spec) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "typeslab: %0"))
          << Error;
      return std::make_unique<ASTConsumer>();
    }
    return std::make_unique<VerdictConsumer>(
        *Spec, *Host->Store, bool(CI.getCodeGenOpts().TimePasses));
  }

  bool ParseArgs(const CompilerInstance &,
                 const std::vector<std::string> &) override {
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace
} // namespace typeslab

extern "C" LLVM_ATTRIBUTE_VISIBILITY_DEFAULT bool
typeslab_frontend_attach(const typeslab::FrontendHost *H) {
  using typeslab::FrontendHost;
  if (!H || H->Version != typeslab::FrontendHostVersion ||
      H->Size != sizeof(FrontendHost))
    return false;
  typeslab::Host = H;
  static clang::FrontendPluginRegistry::Add<typeslab::TypeslabFrontendAction>
      X("typeslab-frontend", "typeslab front-end half: allocation-site "
                             "verdicts for the typeslab pass");
  return true;
}
