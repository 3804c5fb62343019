#pragma once
#include <functional>
#include <string>

namespace scorescope {

// Writes through `writer` into `path`.tmp, flushes it to disk and renames it over `path`, so a
// reader (or a crash at any moment) sees either the old file or the complete new one.
void writeAtomically(const std::string& path, const std::function<void(const std::string& tmpPath)>& writer);
void writeFileAtomically(const std::string& path, const std::string& content);

} // namespace scorescope
