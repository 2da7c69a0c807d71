//===- AllocatorSpec.cpp - Built-in profiles and JSON spec files ----------===//
//
// The kernel and libc allocator tables, and the parser for user spec files
// (-mllvm -typeslab-spec=FILE in the pass, -fplugin-arg-...-spec=FILE in the
// checker). A bad spec is an llvm::Error naming file, entry and field.
//
//===----------------------------------------------------------------------===//
#include "AllocatorSpec.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <utility>

using namespace llvm;

namespace typeslab {

std::optional<Profile> parseProfile(StringRef Name) {
  if (Name == "kernel")
    return Profile::Kernel;
  if (Name == "libc")
    return Profile::Libc;
  return std::nullopt;
}

int AllocatorInfo::maxArgIndex() const {
  return std::max(
      {SizeArg, CountArg, FlagsArg, OldPtrArg, AlignArg, SrcArg, ResultArg});
}

void AllocatorSpec::add(AllocatorInfo Info) {
  if (Info.Family.empty())
    Info.Family = Info.Name;
  auto It = ByName.find(Info.Name);
  if (It != ByName.end()) {
    ByTyped.erase(Entries[It->second].Typed);
    Entries[It->second] = Info;
    ByTyped[Info.Typed] = It->second;
    return;
  }
  ByName[Info.Name] = Entries.size();
  ByTyped[Info.Typed] = Entries.size();
  Entries.push_back(std::move(Info));
}

const AllocatorInfo *AllocatorSpec::lookup(StringRef Name) const {
  auto It = ByName.find(Name);
  return It == ByName.end() ? nullptr : &Entries[It->second];
}

bool AllocatorSpec::isTypedVariant(StringRef Name) const {
  return ByTyped.count(Name) != 0;
}

namespace {

/// One row of a built-in table: argument positions, -1 when absent.
struct Row {
  const char *Name;
  int Size, Count, Flags, Old, Src;
};

// Kernel allocators with the signatures of Linux 6.12. The device argument
// of devm_* comes first and has no role: nothing types by it.
constexpr Row KernelRows[] = {
    // name               size count flags old src
    {"kmalloc", 0, -1, 1, -1, -1},
    {"kzalloc", 0, -1, 1, -1, -1},
    {"kmalloc_array", 1, 0, 2, -1, -1},
    {"kcalloc", 1, 0, 2, -1, -1},
    {"krealloc", 1, -1, 2, 0, -1},
    {"krealloc_array", 2, 1, 3, 0, -1},
    {"kvmalloc", 0, -1, 1, -1, -1},
    {"kvzalloc", 0, -1, 1, -1, -1},
    {"kvmalloc_array", 1, 0, 2, -1, -1},
    {"kvcalloc", 1, 0, 2, -1, -1},
    {"kvrealloc", 1, -1, 2, 0, -1},
    {"kmalloc_node", 0, -1, 1, -1, -1},
    {"kzalloc_node", 0, -1, 1, -1, -1},
    {"kcalloc_node", 1, 0, 2, -1, -1},
    {"kmalloc_array_node", 1, 0, 2, -1, -1},
    {"kvmalloc_node", 0, -1, 1, -1, -1},
    {"kmemdup", 1, -1, 2, -1, 0},
    // The copy's size comes from the string itself: no size argument.
    {"kstrdup", -1, -1, 1, -1, 0},
    // max bounds strnlen(s); it is not the size: none here either.
    {"kstrndup", -1, -1, 2, -1, 0},
    // Copies len bytes of s into a len + 1 byte buffer.
    {"kmemdup_nul", 1, -1, 2, -1, 0},
    // kvasprintf(gfp, fmt, ap): the format decides the size. The variadic
    // kasprintf cannot take a trailing token and is left out.
    {"kvasprintf", -1, -1, 0, -1, -1},
    {"devm_kmalloc", 1, -1, 2, -1, -1},
    {"devm_kzalloc", 1, -1, 2, -1, -1},
    {"devm_kcalloc", 2, 1, 3, -1, -1},
    {"devm_kmalloc_array", 2, 1, 3, -1, -1},
    {"devm_krealloc", 2, -1, 3, 1, -1},
    {"devm_krealloc_array", 3, 2, 4, 1, -1},
    {"devm_kmemdup", 2, -1, 3, -1, 1},
    {"devm_kmemdup_array", 3, 2, 4, -1, 1},
    {"kmemdup_array", 2, 1, 3, -1, 0},
    {"kvmemdup", 1, -1, 2, -1, 0},
    // Copies from user space: no flags; the source is a '__user' pointer.
    {"memdup_user", 1, -1, -1, -1, 0},
    {"vmemdup_user", 1, -1, -1, -1, 0},
    {"memdup_array_user", 2, 1, -1, -1, 0},
    {"vmemdup_array_user", 2, 1, -1, -1, 0},
    // The out-of-line entry points that 6.12's macros reach directly
    // (kvmalloc, kvcalloc, kmalloc_track_caller, and the non-constant paths
    // of kmalloc_node/kmalloc_array_node); see KernelAliases.
    {"kvmalloc_array_node", 1, 0, 2, -1, -1},
    {"kmalloc_track_caller", 0, -1, 1, -1, -1},
    {"__kmalloc", 0, -1, 1, -1, -1},
    {"__kmalloc_node", 0, -1, 1, -1, -1},
};

// 6.12 spellings that share a typed variant with a row above: (spelling,
// row). With CONFIG_SLAB_BUCKETS=n, which defconfig keeps, each takes the
// row's arguments.
constexpr std::pair<const char *, const char *> KernelAliases[] = {
    {"__kvmalloc_node_noprof", "kvmalloc_node"},
    {"kvmalloc_array_node_noprof", "kvmalloc_array_node"},
    {"__kmalloc_node_track_caller_noprof", "kmalloc_track_caller"},
    {"__kmalloc_noprof", "__kmalloc"},
    {"__kmalloc_node_noprof", "__kmalloc_node"},
};

// Allocators of 6.10+ kernels that also exist as X_noprof (alloc_hooks).
constexpr const char *NoprofSpellings[] = {
    "kmalloc",        "kzalloc",        "kmalloc_array",      "kcalloc",
    "krealloc",       "krealloc_array", "kvmalloc",           "kvzalloc",
    "kvmalloc_array", "kvcalloc",       "kvrealloc",          "kmalloc_node",
    "kzalloc_node",   "kcalloc_node",   "kmalloc_array_node", "kvmalloc_node",
    "kmemdup"};

AllocatorInfo fromRow(const Row &R, const char *Name, const char *Family,
                      std::string Typed) {
  AllocatorInfo I;
  I.Name = Name;
  I.Family = Family;
  I.Typed = std::move(Typed);
  I.SizeArg = R.Size;
  I.CountArg = R.Count;
  I.FlagsArg = R.Flags;
  I.OldPtrArg = R.Old;
  I.SrcArg = R.Src;
  return I;
}

} // namespace

AllocatorSpec AllocatorSpec::builtin(Profile P) {
  AllocatorSpec S;
  if (P == Profile::Kernel) {
    for (const Row &R : KernelRows)
      S.add(fromRow(R, R.Name, R.Name, std::string(R.Name) + "_token"));
    // Both spellings share one typed variant; only the row owns ByTyped.
    auto Alias = [&S](std::string Spelling, const char *Base) {
      AllocatorInfo I = *S.lookup(Base);
      I.Name = std::move(Spelling);
      S.ByName[I.Name] = S.Entries.size();
      S.Entries.push_back(std::move(I));
    };
    for (const char *Base : NoprofSpellings)
      Alias(std::string(Base) + "_noprof", Base);
    for (const auto &[Spelling, Base] : KernelAliases)
      Alias(Spelling, Base);
    return S;
  }
  auto Libc = [&](const char *Name, int Size, int Count, int Old, int Align,
                  int Result) {
    AllocatorInfo I;
    I.Name = Name;
    I.Family = Name;
    I.Typed = std::string("typeslab_") + Name;
    I.SizeArg = Size;
    I.CountArg = Count;
    I.OldPtrArg = Old;
    I.AlignArg = Align;
    I.ResultArg = Result;
    S.add(std::move(I));
  };
  //    name              size count old align result
  Libc("malloc", 0, -1, -1, -1, -1);
  Libc("calloc", 1, 0, -1, -1, -1);
  Libc("realloc", 1, -1, 0, -1, -1);
  Libc("reallocarray", 2, 1, 0, -1, -1);
  Libc("aligned_alloc", 1, -1, -1, 0, -1);
  Libc("posix_memalign", 2, -1, -1, 1, 0);
  Libc("memalign", 1, -1, -1, 0, -1);
  return S;
}

Error AllocatorSpec::addFromFile(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return createStringError(Buf.getError(), "spec '%s': cannot read: %s",
                             Path.str().c_str(),
                             Buf.getError().message().c_str());
  return addFromJSON((*Buf)->getBuffer(), Path);
}

namespace {

/// Reads the entries of one spec document, collecting them before any is
/// added so that a bad file changes nothing.
class SpecReader {
public:
  explicit SpecReader(StringRef Origin) : Origin(Origin) {}

  Error read(StringRef Text, std::vector<AllocatorInfo> &Out) {
    Expected<json::Value> Doc = json::parse(Text);
    if (!Doc)
      return fail("", "not valid JSON: " + toString(Doc.takeError()));
    const json::Object *Root = Doc->getAsObject();
    if (!Root)
      return fail("", "the top level must be an object");
    for (const auto &KV : *Root)
      if (KV.first != "version" && KV.first != "allocators")
        return fail("", "unknown top-level key '" + KV.first.str() + "'");
    if (const json::Value *V = Root->get("version")) {
      std::optional<int64_t> Ver = V->getAsInteger();
      if (!Ver || *Ver != 1)
        return fail("", "'version' must be 1");
    }
    const json::Array *List = Root->getArray("allocators");
    if (!List)
      return fail("", "missing 'allocators' array");
    StringSet<> Seen;
    for (size_t I = 0; I < List->size(); ++I) {
      Entry = "allocator #" + std::to_string(I);
      AllocatorInfo Info;
      if (Error E = readEntry((*List)[I], Info))
        return E;
      if (!Seen.insert(Info.Name).second)
        return fail("", "duplicate allocator '" + Info.Name + "'");
      Out.push_back(std::move(Info));
    }
    return Error::success();
  }

private:
  Error fail(StringRef Field, const Twine &Msg) {
    std::string Where = "spec '" + Origin + "'";
    if (!Entry.empty())
      Where += ": " + Entry;
    if (!Field.empty())
      Where += ": field '" + Field.str() + "'";
    return createStringError(inconvertibleErrorCode(), "%s: %s", Where.c_str(),
                             Msg.str().c_str());
  }

  Error readIndex(const json::Object &O, StringRef Key, int &Out) {
    const json::Value *V = O.get(Key);
    if (!V || V->getAsNull())
      return Error::success();
    std::optional<int64_t> N = V->getAsInteger();
    if (!N || *N < 0 || *N > 63)
      return fail(Key, "expected an argument index from 0 to 63 or null");
    Out = static_cast<int>(*N);
    return Error::success();
  }

  Error readEntry(const json::Value &V, AllocatorInfo &Info) {
    const json::Object *O = V.getAsObject();
    if (!O)
      return fail("", "expected an object");
    static constexpr StringLiteral Known[] = {
        "name", "typed", "family", "size",   "count", "flags",
        "old",  "align", "src",    "result", "token"};
    std::optional<StringRef> Name = O->getString("name");
    if (!Name || Name->empty())
      return fail("name", "expected a non-empty string");
    Info.Name = Name->str();
    Entry += " ('" + Info.Name + "')";
    for (const auto &KV : *O)
      if (!is_contained(Known, StringRef(KV.first)))
        return fail("", "unknown key '" + KV.first.str() + "'");
    std::optional<StringRef> Typed = O->getString("typed");
    if (!Typed || Typed->empty())
      return fail("typed", "expected a non-empty string");
    Info.Typed = Typed->str();
    if (Info.Typed == Info.Name)
      return fail("typed", "the typed variant must differ from the allocator");
    if (const json::Value *F = O->get("family")) {
      std::optional<StringRef> S = F->getAsString();
      if (!S || S->empty())
        return fail("family", "expected a non-empty string");
      Info.Family = S->str();
    }
    if (!O->get("size"))
      return fail("size", "missing; every allocator needs a size argument");
    struct {
      StringLiteral Key;
      int *Slot;
    } Fields[] = {{"size", &Info.SizeArg},   {"count", &Info.CountArg},
                  {"flags", &Info.FlagsArg}, {"old", &Info.OldPtrArg},
                  {"align", &Info.AlignArg}, {"src", &Info.SrcArg}};
    for (auto &F : Fields)
      if (Error E = readIndex(*O, F.Key, *F.Slot))
        return E;
    if (Info.SizeArg < 0)
      return fail("size", "must be an argument index");
    if (const json::Value *R = O->get("result")) {
      if (std::optional<StringRef> S = R->getAsString()) {
        if (*S != "return")
          return fail("result", "expected \"return\" or an argument index");
      } else if (Error E = readIndex(*O, "result", Info.ResultArg)) {
        return E;
      }
    }
    if (const json::Value *T = O->get("token")) {
      if (std::optional<StringRef> S = T->getAsString()) {
        if (*S != "last")
          return fail("token", "expected \"last\" or an argument index");
      } else if (Error E = readIndex(*O, "token", Info.TokenArg)) {
        return E;
      }
    }
    // Two roles on one argument is a contradiction.
    SmallVector<std::pair<StringRef, int>, 8> Roles = {
        {"size", Info.SizeArg},    {"count", Info.CountArg},
        {"flags", Info.FlagsArg},  {"old", Info.OldPtrArg},
        {"align", Info.AlignArg},  {"src", Info.SrcArg},
        {"result", Info.ResultArg}};
    for (size_t A = 0; A < Roles.size(); ++A)
      for (size_t B = A + 1; B < Roles.size(); ++B)
        if (Roles[A].second >= 0 && Roles[A].second == Roles[B].second)
          return fail(Roles[B].first, "argument " + Twine(Roles[B].second) +
                                          " is already the '" + Roles[A].first +
                                          "' argument");
    if (Info.TokenArg > Info.maxArgIndex() + 1)
      return fail("token", "position " + Twine(Info.TokenArg) +
                               " leaves a gap after the last argument");
    return Error::success();
  }

  std::string Origin;
  std::string Entry;
};

} // namespace

Error AllocatorSpec::addFromJSON(StringRef Text, StringRef Origin) {
  std::vector<AllocatorInfo> Read;
  if (Error E = SpecReader(Origin).read(Text, Read))
    return E;
  // A name that is both an allocator and a typed variant, here or in the
  // profile, would have its rewritten calls rewritten again.
  StringSet<> Names, Typeds;
  for (const AllocatorInfo &I : Read) {
    Names.insert(I.Name);
    Typeds.insert(I.Typed);
  }
  for (size_t N = 0; N < Read.size(); ++N) {
    const AllocatorInfo &I = Read[N];
    auto Fail = [&](StringRef Field, const std::string &What) {
      return createStringError(inconvertibleErrorCode(),
                               "spec '%s': allocator #%zu ('%s'): field '%s': "
                               "'%s' %s",
                               Origin.str().c_str(), N, I.Name.c_str(),
                               Field.str().c_str(),
                               (Field == "name" ? I.Name : I.Typed).c_str(),
                               What.c_str());
    };
    if (isTypedVariant(I.Name) || Typeds.count(I.Name))
      return Fail("name", "is already a typed variant");
    if (lookup(I.Typed) || Names.count(I.Typed))
      return Fail("typed", "is itself an allocator");
  }
  for (AllocatorInfo &I : Read)
    add(std::move(I));
  return Error::success();
}

} // namespace typeslab
