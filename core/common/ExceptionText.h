#pragma once
#include <string>

namespace scorescope {

// The first line of an exception's message, for a one-line report: c10::Error appends a C++ backtrace.
inline std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

} // namespace scorescope
