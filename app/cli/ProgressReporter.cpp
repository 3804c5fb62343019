#include "app/cli/ProgressReporter.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace scorescope::cli {

std::string formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "--:--";
    const long s = std::lround(seconds);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%02ld:%02ld", s / 60, s % 60);
    return buf;
}

ProgressReporter::ProgressReporter(std::string label)
    : label_(std::move(label)), tty_(::isatty(STDERR_FILENO) == 1), lastPrint_(std::chrono::steady_clock::now())
{
}

void ProgressReporter::update(int64_t done, int64_t total, double rate, const std::string& extra)
{
    const auto now = std::chrono::steady_clock::now();
    const double since = std::chrono::duration<double>(now - lastPrint_).count();
    const double frac = total > 0 ? static_cast<double>(done) / total : 0.0;
    const double eta = rate > 0 ? (total - done) / rate : NAN;
    if (tty_) {
        if (since < 0.1 && done < total)
            return;
        const int width = 30, filled = static_cast<int>(frac * width);
        std::fprintf(stderr, "\r%s [%s%s] %lld/%lld %.3g/s ETA %s %s\x1b[K", label_.c_str(),
                     std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                     static_cast<long long>(done), static_cast<long long>(total), rate, formatDuration(eta).c_str(),
                     extra.c_str());
    } else {
        const int decile = static_cast<int>(frac * 10);
        if (decile == lastDecile_ && since < 30.0 && done < total)
            return;
        lastDecile_ = decile;
        std::fprintf(stderr, "%s %lld/%lld (%.0f%%) %.3g/s ETA %s %s\n", label_.c_str(), static_cast<long long>(done),
                     static_cast<long long>(total), 100.0 * frac, rate, formatDuration(eta).c_str(), extra.c_str());
    }
    std::fflush(stderr);
    lastPrint_ = now;
    printed_ = true;
}

void ProgressReporter::finish()
{
    if (tty_ && printed_)
        std::fprintf(stderr, "\n");
}

} // namespace scorescope::cli
