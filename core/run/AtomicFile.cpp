#include "core/run/AtomicFile.h"

#include "core/common/SystemError.h"
#include "core/common/ExceptionText.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace scorescope {

namespace {
// fsync: on a full disk a write can succeed into the page cache and fail only here.
void syncPath(const std::string& path, bool required)
{
    const int fd = ::open(path.c_str(), O_RDONLY);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    const int error = errno;
    if (fd >= 0)
        ::close(fd);
    if (required && !synced)
        throw SystemError(path, std::string("cannot write to disk: ") + std::strerror(error));
}
}

void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& writer)
{
    const std::string tmp = path + ".tmp";
    try {
        writer(tmp);
        syncPath(tmp, /*required=*/true);
    } catch (const std::exception& e) {  // Error, or c10::Error from a torch archive
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw SystemError(path, "not written (" + firstLine(e.what()) + "); the previous version is kept");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        throw SystemError(path, "cannot replace file: " + ec.message());
    const auto parent = std::filesystem::path(path).parent_path();
    syncPath(parent.empty() ? "." : parent.string(), /*required=*/false);  // some file systems refuse a directory fsync
}

void writeFileAtomically(const std::string& path, const std::string& content)
{
    writeAtomically(path, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw SystemError(tmp, std::string("cannot write: ") + std::strerror(errno));
        out << content;
        out.flush();
        if (!out)
            throw SystemError(tmp, "write failed");
    });
}

} // namespace scorescope
