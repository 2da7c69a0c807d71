//===- SiteRecords.cpp - Per-TU JSON-lines records of every site ----------===//
#include "SiteRecords.h"

#include "typeslab/token.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace typeslab {

static std::string recordFileName(StringRef ModuleSource) {
  std::string Base = sys::path::filename(ModuleSource).str();
  for (char &C : Base)
    if (!isAlnum(C) && C != '.' && C != '_' && C != '-')
      C = '_';
  if (Base.empty())
    Base = "module";
  uint64_t H = typeslab_hash64(ModuleSource.data(), ModuleSource.size());
  std::string S;
  raw_string_ostream OS(S);
  OS << Base << '-' << format_hex_no_prefix(H & 0xffffffffu, 8) << ".jsonl";
  return S;
}

std::string writeSiteRecords(StringRef Dir, StringRef ModuleSource,
                             ArrayRef<SiteRecord> Records) {
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return "cannot create '" + Dir.str() + "': " + EC.message();
  SmallString<256> Path(Dir);
  sys::path::append(Path, recordFileName(ModuleSource));
  // Write next to the target and rename, so a reader never sees half a file.
  SmallString<256> Tmp;
  int FD;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Tmp))
    return "cannot write '" + Path.str().str() + "': " + EC.message();
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
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

} // namespace typeslab
