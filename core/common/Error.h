#pragma once
#include <stdexcept>
#include <string>

namespace scorescope {

// Every user-facing failure (bad config, mixture file, checkpoint, flag) is one of these.
// The message names the file (when there is one) and the problem; callers print it and exit.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
    Error(const std::string& file, const std::string& problem)
        : std::runtime_error(file + ": " + problem) {}
};

} // namespace scorescope
