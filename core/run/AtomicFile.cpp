#include "run/AtomicFile.h"

#include "common/Error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace scorescope {

namespace {
void syncPath(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
}

void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& writer)
{
    const std::string tmp = path + ".tmp";
    writer(tmp);
    syncPath(tmp);
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        throw Error(path, "cannot replace file: " + ec.message());
    const auto parent = std::filesystem::path(path).parent_path();
    syncPath(parent.empty() ? "." : parent.string());
}

void writeFileAtomically(const std::string& path, const std::string& content)
{
    writeAtomically(path, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(tmp, std::string("cannot write: ") + std::strerror(errno));
        out << content;
        out.flush();
        if (!out)
            throw Error(tmp, "write failed");
    });
}

} // namespace scorescope
