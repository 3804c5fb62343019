#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace scorescope {

// The layout of a run directory, shared by the CLI that writes it and the GUI that follows it:
//   config.json       the fully resolved TrainConfig
//   metrics.jsonl     one JSON object per logged step (flushed per line)
//   metrics.csv       the same, scalar columns only
//   train.log         the spdlog log
//   checkpoint.pt     the latest checkpoint (atomically replaced)
//   samples.csv       written by `sample` unless told otherwise
//   snapshots/        step-00001000.png (images) or .csv (points): samples taken while training
struct RunDirectory {
    std::string root;

    std::string config() const { return root + "/config.json"; }
    std::string metricsJsonl() const { return root + "/metrics.jsonl"; }
    std::string metricsCsv() const { return root + "/metrics.csv"; }
    std::string log() const { return root + "/train.log"; }
    std::string checkpoint() const { return root + "/checkpoint.pt"; }
    std::string samples() const { return root + "/samples.csv"; }
    // Samples taken during training (TrainConfig::sampleEvery): a PNG grid for images, a CSV of
    // points for toy data, one per snapshot step.
    std::string snapshots() const { return root + "/snapshots"; }
    std::string snapshot(int64_t step, bool image) const
    {
        char name[40];
        std::snprintf(name, sizeof name, "/step-%08lld.%s", static_cast<long long>(step), image ? "png" : "csv");
        return snapshots() + name;
    }
};

} // namespace scorescope
