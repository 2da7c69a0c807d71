//===- PassOptions.h - The -typeslab-* options ------------------*- C++ -*-===//
//
// Options of the pass and its front-end half, given as -mllvm -typeslab-X
// to clang or -typeslab-X to opt. The allocator spec they select is loaded
// once per process and shared by both halves.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_PASSOPTIONS_H
#define TYPESLAB_LIB_PASSOPTIONS_H

#include "AllocatorSpec.h"

#include <cstdint>
#include <string>

namespace typeslab {

/// The name of the pass everywhere: pipeline, DEBUG_TYPE, remarks, options.
inline constexpr const char PassName[] = "typeslab";

enum class TokenMode { Descriptor, Hash };

struct PassOptions {
  Profile Prof = Profile::Kernel;
  std::string SpecFile;
  TokenMode Tokens = TokenMode::Descriptor;
  uint64_t MaxTokens = 0;
  uint64_t Fallback = 0;
  std::string SitesDir;
  /// Embed the site records in the object (section .typeslab.sites).
  bool EmbedRecords = true;
  /// Record paths relative to this absolute folder (default: BuildDir).
  std::string Root;
  /// The folder relative paths of the compile are relative to (default:
  /// the working directory; set it where the compile runs elsewhere, as on
  /// a distcc helper).
  std::string BuildDir;
  bool ReportOnly = false;
  bool UseFrontend = true;
  bool Verify = false;
  /// Testing only: break the module after rewriting, so that tests can show
  /// what -typeslab-verify does with output it must reject.
  bool BreakForTesting = false;
};

/// The options as given on the command line.
PassOptions currentOptions();

/// "typeslab X (LLVM Y)", what -typeslab-version prints.
std::string versionLine();

/// The content hash -typeslab-content-hash must carry: the first 16 hex
/// digits of the SHA-256 of TypeslabPass.so, TypeslabFrontend.so and the
/// spec file (if any), in that order; tools/typeslab-flags prints it. ""
/// with Error set when a file cannot be read.
std::string contentHash(std::string &Error);

/// The allocator spec of currentOptions(), loaded once. On a bad spec it
/// returns nullptr and sets Error to a message naming file, entry and field;
/// so it does on an unknown profile or token form and on contradictory
/// options (-typeslab-max-tokens without hash tokens or below 4, a fallback
/// token not below it), and on a -typeslab-content-hash that does not match
/// the plugin and spec in use.
const AllocatorSpec *activeSpec(std::string &Error);

} // namespace typeslab

#endif // TYPESLAB_LIB_PASSOPTIONS_H
