#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace scorescope::cli {

// A progress bar with rate and ETA when stderr is a terminal; plain log lines (every 10% or
// 30 s) when it is not, so logs of batch jobs stay readable.
class ProgressReporter {
public:
    explicit ProgressReporter(std::string label);
    void update(int64_t done, int64_t total, double ratePerSecond, const std::string& extra);
    void finish();

private:
    std::string label_;
    bool tty_;
    std::chrono::steady_clock::time_point lastPrint_;
    int lastDecile_ = -1;
    bool printed_ = false;
};

std::string formatDuration(double seconds);

} // namespace scorescope::cli
