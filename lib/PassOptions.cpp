//===- PassOptions.cpp - The -typeslab-* options --------------------------===//
#include "PassOptions.h"

#include "FrontendHost.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include <dlfcn.h>
#include <map>
#include <mutex>

#ifndef TYPESLAB_VERSION
#error "TYPESLAB_VERSION must come from the build (the VERSION file)"
#endif

using namespace llvm;

namespace typeslab {
namespace {

cl::opt<std::string> ClProfile("typeslab-profile",
                               cl::desc("Built-in allocator profile: kernel "
                                        "(default) or libc"),
                               cl::init("kernel"), cl::Hidden);
cl::opt<std::string> ClSpec("typeslab-spec",
                            cl::desc("JSON allocator spec added to the "
                                     "profile"),
                            cl::init(""), cl::Hidden);
cl::opt<std::string> ClTokens("typeslab-tokens",
                              cl::desc("Token form: descriptor (default) or "
                                       "hash"),
                              cl::init("descriptor"), cl::Hidden);
cl::opt<uint64_t> ClMaxTokens("typeslab-max-tokens",
                              cl::desc("Hash mode: reduce tokens mod N, "
                                       "pointer types in the upper half "
                                       "(0: full 64-bit hash)"),
                              cl::init(0), cl::Hidden);
cl::opt<uint64_t> ClFallback("typeslab-fallback",
                             cl::desc("Token given to untyped sites"),
                             cl::init(0), cl::Hidden);
cl::opt<std::string> ClSites("typeslab-sites",
                             cl::desc("Directory for per-TU JSON-lines site "
                                      "records"),
                             cl::init(""), cl::Hidden);
cl::opt<bool> ClRecords("typeslab-records",
                        cl::desc("Put the site records into the object, in "
                                 "section .typeslab.sites (default on)"),
                        cl::init(true), cl::Hidden);
cl::opt<std::string> ClRoot("typeslab-root",
                            cl::desc("Record file paths relative to this "
                                     "folder (default: the working "
                                     "directory)"),
                            cl::init(""), cl::Hidden);
cl::opt<std::string> ClBuildDir("typeslab-build-dir",
                                cl::desc("The folder the compile's relative "
                                         "paths are relative to (default: "
                                         "the working directory)"),
                                cl::init(""), cl::Hidden);
cl::opt<std::string> ClContentHash(
    "typeslab-content-hash",
    cl::desc("Hash of the plugin and spec (tools/typeslab-flags prints it), "
             "so that compiler caches see them change; checked"),
    cl::init(""), cl::Hidden);
cl::opt<bool> ClVersion(
    "typeslab-version",
    cl::desc("Print the typeslab version on standard output"),
    cl::init(false), cl::Hidden, cl::ValueDisallowed,
    cl::cb<void, bool>([](bool On) {
      if (On)
        llvm::outs() << typeslab::versionLine() << "\n";
    }));
cl::opt<bool> ClReportOnly("typeslab-report-only",
                           cl::desc("Infer, remark and record, but rewrite "
                                    "nothing"),
                           cl::init(false), cl::Hidden);
cl::opt<bool> ClFrontend("typeslab-frontend",
                         cl::desc("Use the front-end half's verdicts when "
                                  "present (default on)"),
                         cl::init(true), cl::Hidden);

cl::opt<bool> ClVerify("typeslab-verify",
                       cl::desc("Run the IR verifier on every function the "
                                "pass rewrote"),
                       cl::init(false), cl::Hidden);
cl::opt<bool> ClBreakForTesting(
    "typeslab-break-output-for-testing",
    cl::desc("Testing only: leave a broken module after rewriting, to test "
             "-typeslab-verify; without it the module reaches later passes "
             "broken"),
    cl::init(false), cl::Hidden);

} // namespace

PassOptions currentOptions() {
  PassOptions O;
  O.Prof = parseProfile(ClProfile).value_or(Profile::Kernel);
  O.SpecFile = ClSpec;
  O.Tokens = ClTokens == "hash" ? TokenMode::Hash : TokenMode::Descriptor;
  O.MaxTokens = ClMaxTokens;
  O.Fallback = ClFallback;
  O.SitesDir = ClSites;
  O.EmbedRecords = ClRecords;
  O.Root = ClRoot;
  O.BuildDir = ClBuildDir;
  O.ReportOnly = ClReportOnly;
  O.UseFrontend = ClFrontend;
  O.Verify = ClVerify;
  O.BreakForTesting = ClBreakForTesting;
  return O;
}

std::string versionLine() {
  return std::string("typeslab ") + TYPESLAB_VERSION + " (LLVM " +
         LLVM_VERSION_STRING + ")";
}

std::string contentHash(std::string &Error) {
  std::vector<std::string> Files;
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&versionLine), &Info) ||
      !Info.dli_fname) {
    Error = "cannot find the file TypeslabPass.so was loaded from";
    return "";
  }
  Files.push_back(Info.dli_fname);
  // The front-end half as FrontendLoader finds it: next to the pass as
  // named, else next to the file that name resolves to.
  SmallString<256> Half(sys::path::parent_path(Info.dli_fname));
  sys::path::append(Half, FrontendModuleName);
  if (!sys::fs::exists(Half)) {
    SmallString<256> Real;
    if (!sys::fs::real_path(Info.dli_fname, Real)) {
      Half = sys::path::parent_path(Real);
      sys::path::append(Half, FrontendModuleName);
    }
  }
  Files.push_back(std::string(Half));
  if (!ClSpec.empty())
    Files.push_back(ClSpec);
  SHA256 H;
  for (const std::string &F : Files) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> B = MemoryBuffer::getFile(F);
    if (!B) {
      Error = "cannot read '" + F + "' to check -typeslab-content-hash: " +
              B.getError().message();
      return "";
    }
    H.update((*B)->getBuffer());
  }
  return toHex(H.final(), /*LowerCase=*/true).substr(0, 16);
}

const AllocatorSpec *activeSpec(std::string &Error) {
  // One spec per (profile, file): loaded once per process.
  static std::mutex Lock;
  static std::map<std::string, std::pair<AllocatorSpec, std::string>> Cache;
  std::lock_guard<std::mutex> G(Lock);
  std::string Key = ClProfile + "\n" + ClSpec + "\n" + ClTokens + "\n" +
                    std::to_string(ClMaxTokens) + "\n" +
                    std::to_string(ClFallback) + "\n" + ClContentHash + "\n" +
                    ClRoot + "\n" + ClBuildDir;
  auto It = Cache.find(Key);
  if (It == Cache.end()) {
    std::string Err;
    AllocatorSpec Spec;
    std::optional<Profile> P = parseProfile(ClProfile);
    if (!P) {
      Err = "unknown -typeslab-profile='" + ClProfile +
            "'; expected 'kernel' or 'libc'";
    } else if (ClTokens != "descriptor" && ClTokens != "hash") {
      Err = "unknown -typeslab-tokens='" + ClTokens +
            "'; expected 'descriptor' or 'hash'";
    } else if (ClMaxTokens != 0 && ClTokens != "hash") {
      // Descriptor addresses cannot index a table of N caches.
      Err = "-typeslab-max-tokens=" + std::to_string(ClMaxTokens) +
            " needs -typeslab-tokens=hash";
    } else if (!ClRoot.empty() && !sys::path::is_absolute(ClRoot)) {
      // A relative root would mean another folder on each build machine.
      Err = "-typeslab-root='" + ClRoot + "' is not an absolute path";
    } else if (!ClBuildDir.empty() && !sys::path::is_absolute(ClBuildDir)) {
      Err = "-typeslab-build-dir='" + ClBuildDir + "' is not an absolute path";
    } else if (ClMaxTokens != 0 && ClMaxTokens < 4) {
      // Pointer and pointer-free types take a half each, and each half
      // needs a token besides the fallback.
      Err = "-typeslab-max-tokens=" + std::to_string(ClMaxTokens) +
            " is below 4, too few to split pointer and pointer-free types; "
            "use 0 (no reduction) or at least 4";
    } else if (ClMaxTokens != 0 && ClFallback >= ClMaxTokens) {
      Err = "-typeslab-fallback=" + std::to_string(ClFallback) +
            " is not below -typeslab-max-tokens=" +
            std::to_string(ClMaxTokens);
    } else {
      Spec = AllocatorSpec::builtin(*P);
      if (!ClSpec.empty())
        if (llvm::Error E = Spec.addFromFile(ClSpec))
          Err = toString(std::move(E));
      if (Err.empty() && !ClContentHash.empty()) {
        std::string Actual = contentHash(Err);
        if (Err.empty() && Actual != ClContentHash)
          Err = "-typeslab-content-hash=" + ClContentHash +
                " does not match the plugin and spec in use (" + Actual +
                "): they changed since the build's flags were made, so a "
                "compiler cache could return stale objects; rerun "
                "tools/typeslab-flags";
      }
    }
    It = Cache.emplace(Key, std::make_pair(std::move(Spec), Err)).first;
  }
  Error = It->second.second;
  return Error.empty() ? &It->second.first : nullptr;
}

} // namespace typeslab
