//===- PassOptions.cpp - The -typeslab-* options --------------------------===//
#include "PassOptions.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"

#include <map>
#include <mutex>

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
  O.ReportOnly = ClReportOnly;
  O.UseFrontend = ClFrontend;
  O.Verify = ClVerify;
  O.BreakForTesting = ClBreakForTesting;
  return O;
}

const AllocatorSpec *activeSpec(std::string &Error) {
  // One spec per (profile, file): loaded once per process.
  static std::mutex Lock;
  static std::map<std::string, std::pair<AllocatorSpec, std::string>> Cache;
  std::lock_guard<std::mutex> G(Lock);
  std::string Key = ClProfile + "\n" + ClSpec + "\n" + ClTokens + "\n" +
                    std::to_string(ClMaxTokens) + "\n" +
                    std::to_string(ClFallback);
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
    } else if (ClMaxTokens != 0 && ClFallback >= ClMaxTokens) {
      Err = "-typeslab-fallback=" + std::to_string(ClFallback) +
            " is not below -typeslab-max-tokens=" +
            std::to_string(ClMaxTokens);
    } else {
      Spec = AllocatorSpec::builtin(*P);
      if (!ClSpec.empty())
        if (llvm::Error E = Spec.addFromFile(ClSpec))
          Err = toString(std::move(E));
    }
    It = Cache.emplace(Key, std::make_pair(std::move(Spec), Err)).first;
  }
  Error = It->second.second;
  return Error.empty() ? &It->second.first : nullptr;
}

} // namespace typeslab
