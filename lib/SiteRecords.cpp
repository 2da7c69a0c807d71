//===- SiteRecords.cpp - Site records, in objects and files ---------------===//
#include "SiteRecords.h"

#include "typeslab/token.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

#ifndef TYPESLAB_VERSION
#error "TYPESLAB_VERSION must come from the build (the VERSION file)"
#endif

using namespace llvm;

namespace typeslab {

std::string workingDirectory() {
  SmallString<256> Cwd;
  if (sys::fs::current_path(Cwd))
    return "";
  return std::string(Cwd);
}

std::string recordPath(StringRef Path, StringRef Root, StringRef BuildDir) {
  if (Path.empty())
    return "";
  SmallString<256> P(Path);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  if (Root.empty())
    return std::string(P);
  SmallString<256> Abs(P);
  if (!sys::path::is_absolute(Abs)) {
    if (BuildDir.empty())
      return std::string(P);
    Abs = BuildDir;
    sys::path::append(Abs, P);
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  }
  SmallString<256> R(Root);
  sys::path::remove_dots(R, /*remove_dot_dot=*/true);
  StringRef A(Abs), Prefix = StringRef(R).rtrim('/');
  // Under Root, whole components only: /src/a is not under /src/ab.
  if (A == Prefix)
    return ".";
  if (A.consume_front(Prefix) && A.consume_front("/"))
    return A.str();
  return std::string(P);
}

std::string siteRecordsText(StringRef Source, StringRef Root,
                            StringRef BuildDir, ArrayRef<SiteRecord> Records) {
  std::string S;
  raw_string_ostream OS(S);
  OS << json::Value(json::Object{{SiteRecordsFormatKey, SiteRecordsFormat},
                                 {"typeslab_version", TYPESLAB_VERSION},
                                 {"source", Source},
                                 {"root", Root},
                                 {"build_dir", BuildDir},
                                 {"sites", int64_t(Records.size())}})
     << '\n';
  for (const SiteRecord &R : Records) {
    std::string Token;
    raw_string_ostream TS(Token);
    TS << format_hex(R.Token, 2);
    json::Object O{{"file", R.File},
                   {"line", R.Line},
                   {"col", R.Col},
                   {"function", R.Function},
                   {"allocator", R.Allocator},
                   {"typed", R.Typed},
                   {"type", R.Type},
                   {"token", Token},
                   {"shape", R.Shape},
                   {"evidence", R.Evidence},
                   {"reason_class", R.ReasonClass},
                   {"reason", R.Reason},
                   {"rewritten", R.Rewritten},
                   {"mode", R.Mode}};
    if (!R.ClangType.empty())
      O["clang_type"] = R.ClangType;
    OS << json::Value(std::move(O)) << '\n';
  }
  return S;
}

static std::string recordFileName(StringRef ModuleSource, StringRef Text) {
  std::string Base = sys::path::filename(ModuleSource).str();
  for (char &C : Base)
    if (!isAlnum(C) && C != '.' && C != '_' && C != '-')
      C = '_';
  if (Base.empty())
    Base = "module";
  std::string Key = (ModuleSource + "\n" + Text).str();
  uint64_t H = typeslab_hash64(Key.data(), Key.size());
  std::string S;
  raw_string_ostream OS(S);
  OS << Base << '-' << format_hex_no_prefix(H, 16) << ".jsonl";
  return S;
}

std::string writeSiteRecords(StringRef Dir, StringRef ModuleSource,
                             StringRef Text) {
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return "cannot create '" + Dir.str() + "': " + EC.message();
  SmallString<256> Path(Dir);
  sys::path::append(Path, recordFileName(ModuleSource, Text));
  // Write next to the target and rename, so a reader never sees half a file.
  SmallString<256> Tmp;
  int FD;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Tmp))
    return "cannot write '" + Path.str().str() + "': " + EC.message();
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    if (OS.has_error()) {
      OS.clear_error();
      sys::fs::remove(Tmp);
      return "cannot write '" + Path.str().str() + "'";
    }
  }
  if (std::error_code EC = sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    return "cannot write '" + Path.str().str() + "': " + EC.message();
  }
  return "";
}

bool embedSiteRecords(Module &M, StringRef Text) {
  if (!Triple(M.getTargetTriple()).isOSBinFormatELF())
    return false;
  // Module assembly, because IR cannot ask for a section without SHF_ALLOC:
  // flags "" keep the records out of the loaded image, and a linker merges
  // the sections of one name, so ld -r and the final link keep all of them.
  // Bytes in hex, so that no IR text search finds words of the records.
  std::string Asm;
  raw_string_ostream OS(Asm);
  OS << ".pushsection " << SiteRecordsSection << ",\"\",%progbits\n";
  for (size_t I = 0; I < Text.size(); I += 32) {
    OS << ".byte ";
    for (size_t J = I; J < std::min(Text.size(), I + 32); ++J)
      OS << (J == I ? "" : ",") << format_hex(uint8_t(Text[J]), 4);
    OS << '\n';
  }
  OS << ".popsection\n";
  M.appendModuleInlineAsm(Asm);
  return true;
}

} // namespace typeslab
