#pragma once
// The readers under fuzzing take paths, as the programs give them: each input is written to a file
// in a directory of this process's own (in /dev/shm where there is one: memory, not disk).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace fuzz {

inline const std::filesystem::path& scratch()
{
    static const std::filesystem::path dir = [] {
        const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
        auto d = base / ("scorescope-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(scratch(), ignored);
        });
        return d;
    }();
    return dir;
}

// Writes the input to scratch()/name (its folders created) and returns the path.
inline std::string writeInput(const uint8_t* data, size_t size, const std::string& name)
{
    const auto path = scratch() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path.string();
}

} // namespace fuzz
