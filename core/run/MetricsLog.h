#pragma once
#include "core/run/MetricsRow.h"

#include <fstream>
#include <string>
#include <vector>

namespace scorescope {

// A run's metrics rows streamed as JSON lines and as CSV, both flushed on every row so a reader
// (the GUI, `tail -f`) sees each step as soon as it is written. The CSV's columns are the scalar
// keys of the first row; the binned windows and τ go to the JSON lines only.
class MetricsLog {
public:
    MetricsLog(std::string jsonlPath, std::string csvPath);
    // On resume: keep only the rows with "step" ≤ lastStep (the checkpoint's), so the steps a
    // crash lost are written again rather than twice.
    void truncateAfter(int64_t lastStep);
    void append(const MetricsRow& row);

    // The rows of a log up to its first line that is not one (a line cut by a crash ends it).
    static std::vector<MetricsRow> read(const std::string& jsonlPath);

private:
    void openForAppend();
    std::string jsonlPath_, csvPath_;
    std::ofstream jsonl_, csv_;
    std::vector<std::string> columns_;
};

} // namespace scorescope
