#include "core/run/RunLock.h"

#include "core/common/SystemError.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace scorescope {

RunLock::RunLock(const std::string& dir)
{
    const std::string path = dir + "/.lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw SystemError(dir, std::string("cannot create the run's lock file: ") + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        char holder[256] = {};
        const auto n = ::pread(fd_, holder, sizeof holder - 1, 0);
        ::close(fd_);
        fd_ = -1;
        std::string who(holder, n > 0 ? static_cast<size_t>(n) : 0);
        while (!who.empty() && who.back() == '\n')
            who.pop_back();
        throw SystemError(dir, "is being written by another process (" + (who.empty() ? std::string("unknown") : who) +
                             "); one run has one writer — wait for it to end or stop it first");
    }
    char host[128] = "?";
    ::gethostname(host, sizeof host - 1);
    const std::time_t now = std::time(nullptr);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
    const std::string who = "pid " + std::to_string(::getpid()) + " on " + host + " since " + when + "\n";
    // Only informative: the flock is the lock, whatever this text says.
    const bool noted = ::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, who.data(), who.size(), 0) == static_cast<ssize_t>(who.size());
    (void)noted;
}

RunLock::~RunLock()
{
    if (fd_ >= 0)
        ::close(fd_);  // releases the flock
}

} // namespace scorescope
