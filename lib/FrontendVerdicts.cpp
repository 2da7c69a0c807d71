//===- FrontendVerdicts.cpp - The typeslab pass's front-end half ----------===//
//
// A Clang plugin action (AddBeforeMainAction, so loading the library is
// enough) that runs SiteInferrer over every allocator call of the
// translation unit and leaves the verdicts in the VerdictStore for the pass.
// It is registered by the same library as the pass, so
//
//   clang -O2 -fpass-plugin=TypeslabPass.so -c foo.c
//
// runs both halves in one process. When the compilation has no debug info it
// switches on location tracking only (line tables in IR, no debug info in
// the object), because verdicts are keyed by line and column.
//
//===----------------------------------------------------------------------===//
#include "ASTInference.h"
#include "PassOptions.h"
#include "VerdictStore.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

using namespace clang;

namespace typeslab {

VerdictStore &VerdictStore::get() {
  static VerdictStore Store;
  return Store;
}

void VerdictStore::reset() {
  Sites.clear();
  Wrappers.clear();
  Count = 0;
  Active = true;
}

void VerdictStore::add(unsigned Line, unsigned Col, FrontendSite S) {
  Sites[{Line, Col}].push_back(std::move(S));
  ++Count;
}

const FrontendSite *VerdictStore::find(unsigned Line, unsigned Col,
                                       llvm::StringRef Function,
                                       llvm::StringRef Callee) const {
  auto It = Sites.find({Line, Col});
  if (It == Sites.end())
    return nullptr;
  const FrontendSite *CalleeOnly = nullptr;
  for (const FrontendSite &S : It->second) {
    if (S.Callee != Callee)
      continue;
    if (S.Function == Function)
      return &S;
    if (!CalleeOnly)
      CalleeOnly = &S;
  }
  return CalleeOnly;
}

const AllocatorInfo *VerdictStore::wrapper(llvm::StringRef Name) const {
  for (const AllocatorInfo &W : Wrappers)
    if (W.Name == Name)
      return &W;
  return nullptr;
}

namespace {

/// The suffix of a wrapper's token-taking clone; see AllocTokenPass.cpp.
constexpr const char WrapperCloneSuffix[] = ".typeslab";

class VerdictCollector : public RecursiveASTVisitor<VerdictCollector> {
public:
  VerdictCollector(ASTContext &Ctx, const AllocatorSpec &Spec, bool Record)
      : Ctx(Ctx), Inferrer(Ctx, Spec), Record(Record),
        Mangler(Ctx.createMangleContext()) {}

  /// Discovery: wrappers whose inner call is an opaque-wrapper site.
  std::vector<AllocatorInfo> Found;

  bool TraverseFunctionDecl(FunctionDecl *FD) {
    const FunctionDecl *Saved = Current;
    Current = FD;
    bool R = RecursiveASTVisitor::TraverseFunctionDecl(FD);
    Current = Saved;
    return R;
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
    if (PL.isInvalid())
      return true;
    SiteVerdict V = Inferrer.infer(CE, *A);
    if (!Record) {
      if (V.Class == ReasonClass::OpaqueWrapper && V.Wrapper &&
          V.Wrapper->getIdentifier()) {
        AllocatorInfo W;
        W.Name = symbolName(V.Wrapper);
        W.Family = V.Wrapper->getName().str();
        W.Typed = W.Name + WrapperCloneSuffix;
        W.SizeArg = V.WrapperSizeParam;
        Found.push_back(std::move(W));
      }
      return true;
    }
    FrontendSite S;
    S.Callee = CE->getDirectCallee()->getName().str();
    S.Function = symbolName(Current);
    S.Typed = V.Typed;
    S.Identity = std::move(V.Identity);
    S.Shape = V.Shape;
    S.Evidence = std::move(V.Evidence);
    S.Class = V.Class;
    S.Reason = std::move(V.Reason);
    VerdictStore::get().add(PL.getLine(), PL.getColumn(), std::move(S));
    return true;
  }

private:
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

  ASTContext &Ctx;
  SiteInferrer Inferrer;
  bool Record;
  std::unique_ptr<MangleContext> Mangler;
  const FunctionDecl *Current = nullptr;
};

class VerdictConsumer : public ASTConsumer {
public:
  explicit VerdictConsumer(const AllocatorSpec &Spec) : Spec(Spec) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    // Wrappers of wrappers are found in later rounds.
    AllocatorSpec Extended = Spec;
    VerdictStore &Store = VerdictStore::get();
    for (unsigned Round = 0; Round < 4; ++Round) {
      VerdictCollector Discover(Ctx, Extended, /*Record=*/false);
      Discover.TraverseDecl(Ctx.getTranslationUnitDecl());
      bool New = false;
      for (AllocatorInfo &W : Discover.Found) {
        if (Extended.lookup(W.Name))
          continue;
        Store.addWrapper(W);
        Extended.addDerived(std::move(W));
        New = true;
      }
      if (!New)
        break;
    }
    VerdictCollector(Ctx, Extended, /*Record=*/true)
        .TraverseDecl(Ctx.getTranslationUnitDecl());
  }

private:
  const AllocatorSpec &Spec;
};

class TypeslabFrontendAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    VerdictStore::get().reset();
    if (!currentOptions().UseFrontend)
      return std::make_unique<ASTConsumer>();
    std::string Error;
    const AllocatorSpec *Spec = activeSpec(Error);
    if (!Spec) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "typeslab: %0"))
          << Error;
      return std::make_unique<ASTConsumer>();
    }
    // Verdicts are keyed by line and column: make sure IR carries them.
    CodeGenOptions &CG = CI.getCodeGenOpts();
    if (CG.getDebugInfo() == llvm::codegenoptions::NoDebugInfo)
      CG.setDebugInfo(llvm::codegenoptions::LocTrackingOnly);
    return std::make_unique<VerdictConsumer>(*Spec);
  }

  bool ParseArgs(const CompilerInstance &,
                 const std::vector<std::string> &) override {
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace
} // namespace typeslab

static clang::FrontendPluginRegistry::Add<typeslab::TypeslabFrontendAction>
    X("typeslab-frontend", "typeslab front-end half: allocation-site verdicts "
                           "for the typeslab pass");
