//===- SiteRecords.h - Site records, in objects and files ---*- C++ -*-===//
//
// The pass's per-TU site records: one JSON object a line, after a header
// line naming the format, the typeslab version, the source and the root the
// paths are relative to. They go into the object itself, in the
// non-allocated ELF section .typeslab.sites, which ld -r and the final link
// concatenate, so a linked binary holds the records of every object in it;
// -mllvm -typeslab-sites=DIR writes them to DIR/<source>-<hash>.jsonl as
// well. docs/site-records.md describes the format; tools/typeslab-report
// reads both (docs/report.md).
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_SITERECORDS_H
#define TYPESLAB_LIB_SITERECORDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace llvm {
class Module;
} // namespace llvm

namespace typeslab {

/// The section of the object that holds the records.
inline constexpr const char SiteRecordsSection[] = ".typeslab.sites";
/// The header line's format key and version.
inline constexpr const char SiteRecordsFormatKey[] = "typeslab_records";
inline constexpr unsigned SiteRecordsFormat = 1;

struct SiteRecord {
  std::string File;
  unsigned Line = 0;
  unsigned Col = 0;
  std::string Function;
  std::string Allocator;
  bool Typed = false;
  std::string Type;
  uint64_t Token = 0;
  std::string Shape;
  std::string Evidence;
  std::string ReasonClass;
  std::string Reason;
  bool Rewritten = false;
  std::string Mode;
  /// clang 22's own verdict: the type named by the call's !alloc_token
  /// metadata (-fsanitize=alloc-token); empty when the call has none.
  std::string ClangType;
};

/// Path as records store it: dots removed, a relative Path taken relative
/// to BuildDir, and then relative to Root when it lies under Root (both
/// absolute). Paths outside Root stay as they are.
std::string recordPath(llvm::StringRef Path, llvm::StringRef Root,
                       llvm::StringRef BuildDir);

/// The working directory, or "" when it cannot be read.
std::string workingDirectory();

/// The records of one module as JSON lines, header first.
std::string siteRecordsText(llvm::StringRef Source, llvm::StringRef Root,
                            llvm::StringRef BuildDir,
                            llvm::ArrayRef<SiteRecord> Records);

/// Writes Text, the records of the module of source ModuleSource, to Dir;
/// returns an error message or "". The file is named after the source and a
/// hash of source and content, so that one source compiled twice with
/// different results gives two files.
std::string writeSiteRecords(llvm::StringRef Dir, llvm::StringRef ModuleSource,
                             llvm::StringRef Text);

/// Puts Text into M's object, in SiteRecordsSection. False, doing nothing,
/// when M's target does not make ELF objects.
bool embedSiteRecords(llvm::Module &M, llvm::StringRef Text);

} // namespace typeslab

#endif // TYPESLAB_LIB_SITERECORDS_H
