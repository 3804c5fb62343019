#pragma once
#include <string>

namespace scorescope {

// The layout of a run directory, shared by the CLI that writes it and the GUI that follows it:
//   config.json       the fully resolved TrainConfig
//   metrics.jsonl     one JSON object per logged step (flushed per line)
//   metrics.csv       the same, scalar columns only
//   train.log         the spdlog log
//   checkpoint.pt     the latest checkpoint (atomically replaced)
//   samples.csv       written by `sample` unless told otherwise
struct RunDirectory {
    std::string root;

    std::string config() const { return root + "/config.json"; }
    std::string metricsJsonl() const { return root + "/metrics.jsonl"; }
    std::string metricsCsv() const { return root + "/metrics.csv"; }
    std::string log() const { return root + "/train.log"; }
    std::string checkpoint() const { return root + "/checkpoint.pt"; }
    std::string samples() const { return root + "/samples.csv"; }
};

} // namespace scorescope
