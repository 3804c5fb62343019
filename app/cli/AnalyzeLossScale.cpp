#include "app/cli/Analyses.h"
#include "core/analysis/PooledLossScale.h"
#include "app/cli/ArgParser.h"
#include "core/run/AtomicFile.h"
#include "core/run/MetricsLog.h"
#include "core/run/RunDirectory.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace scorescope::cli {

int analyzeLossScale(const std::vector<std::string>& args)
{
    ArgParser a("analyze loss-scale",
                "Per-noise-level statistics of a training run, pooled over its last logging windows: the\n"
                "per-sample loss (mean, spread, count, share of the total) binned over log10 sigma, and for\n"
                "runs trained with --gradient-bins each bin's mean share of the gradient.",
                {{"run", "DIR", "run directory (required)"},
                 {"windows", "N", "logging windows to pool, counted from the end (default 10)"},
                 {"csv", "FILE", "output CSV (required)"}});
    if (!a.parseOrShowHelp(args))
        return 0;
    const RunDirectory dir{a.required("run")};
    const std::string csvPath = a.required("csv");
    const auto pooled = poolLossScale(MetricsLog::read(dir.metricsJsonl()),
                                      static_cast<size_t>(a.positiveInt("windows", 10)), dir.metricsJsonl());
    std::ostringstream csv;
    csv.precision(10);
    csv << "log10_sigma,sigma,t,count,loss_share,grad_share";
    for (const auto& name : pooled.names)
        csv << ',' << name << ',' << name << "_std";
    csv << '\n';
    const auto cell = [&csv](double v) {  // NaN: an empty cell
        if (!std::isnan(v))
            csv << v;
    };
    const size_t loss = std::find(pooled.names.begin(), pooled.names.end(), "loss") - pooled.names.begin();
    std::printf("%12s %10s %12s %12s %8s\n", "sigma", "count", "loss", "loss_std", "share");
    for (const auto& bin : pooled.bins) {
        csv << bin.log10Sigma << ',' << std::pow(10.0, bin.log10Sigma) << ',';
        cell(bin.t);
        csv << ',' << bin.count << ',' << bin.lossShare << ',';
        cell(bin.gradShare);
        for (size_t n = 0; n < pooled.names.size(); ++n) {
            csv << ',';
            cell(bin.mean[n]);
            csv << ',';
            cell(bin.spread[n]);
        }
        csv << '\n';
        if (bin.count > 0 && loss < pooled.names.size())
            std::printf("%12.4g %10.0f %12.4g %12.4g %8.4f\n", std::pow(10.0, bin.log10Sigma), bin.count, bin.mean[loss],
                        bin.spread[loss], bin.lossShare);
    }
    writeFileAtomically(csvPath, csv.str());
    std::printf("%zu windows pooled; written to %s\n", pooled.windows, csvPath.c_str());
    return 0;
}

} // namespace scorescope::cli
