#pragma once
#include <functional>
#include <string>

namespace torch::serialize {
class OutputArchive;
}

namespace scorescope {

// Writes through `writer` into `path`.tmp, flushes it to disk and renames it over `path`, so a
// reader (or a crash at any moment) sees either the old file or the complete new one.
void writeAtomically(const std::string& path, const std::function<void(const std::string& tmpPath)>& writer);
void writeFileAtomically(const std::string& path, const std::string& content);
// A LibTorch archive (a checkpoint), serialised in memory and written like any file: LibTorch's
// own file writer reports a failed write (a full disk) from a destructor, which aborts the process.
void writeArchiveAtomically(const std::string& path, torch::serialize::OutputArchive& archive);

} // namespace scorescope
