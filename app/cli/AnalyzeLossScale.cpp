#include "cli/Analyses.h"
#include "cli/ArgParser.h"
#include "common/Error.h"
#include "run/AtomicFile.h"
#include "run/MetricsLog.h"
#include "run/RunDirectory.h"

#include <cmath>
#include <map>
#include <cstdio>
#include <sstream>

namespace scorescope::cli {

namespace {

// Pools per-bin means and spreads of several logging windows, weighting each by its count.
struct PooledBin {
    double count = 0.0;
    std::map<std::string, std::pair<double, double>> moments;  // name → (Σ c·m, Σ c·(sd² + m²))

    void add(const std::string& name, double c, double mean, double sd)
    {
        auto& [first, second] = moments[name];
        first += c * mean;
        second += c * (sd * sd + mean * mean);
    }
    double mean(const std::string& name) const { return moments.at(name).first / count; }
    double sd(const std::string& name) const
    {
        const double m = mean(name);
        return std::sqrt(std::max(0.0, moments.at(name).second / count - m * m));
    }
};

} // namespace

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
    const auto rows = MetricsLog::read(dir.metricsJsonl());
    const size_t windows = static_cast<size_t>(a.positiveInt("windows", 10));
    std::vector<const nlohmann::ordered_json*> binned;
    for (auto it = rows.rbegin(); it != rows.rend() && binned.size() < windows; ++it)
        if (it->contains("bins"))
            binned.push_back(&(*it)["bins"]);
    if (binned.empty())
        throw Error(dir.metricsJsonl(), "has no per-noise-level bins (written by runs since STF and Soft Truncation landed)");

    const auto& centres = (*binned.front())["log10_sigma"];
    std::vector<PooledBin> pooled(centres.size());
    std::vector<std::string> names;
    // Pooled series are those with a spread beside their mean ("loss" and "loss_std").
    for (auto it = binned.front()->begin(); it != binned.front()->end(); ++it)
        if (binned.front()->contains(it.key() + "_std"))
            names.push_back(it.key());
    for (const auto* bins : binned) {
        if ((*bins)["log10_sigma"] != centres)
            throw Error(dir.metricsJsonl(), "bins change between rows");
        for (size_t b = 0; b < centres.size(); ++b) {
            const double c = (*bins)["count"][b].get<double>();
            if (c == 0.0)
                continue;
            pooled[b].count += c;
            for (const auto& name : names)
                if (bins->contains(name) && !(*bins)[name][b].is_null())
                    pooled[b].add(name, c, (*bins)[name][b].get<double>(), (*bins)[name + "_std"][b].get<double>());
        }
    }
    // Gradient shares (runs with --gradient-bins) are per logging step: averaged over the windows.
    std::vector<double> gradShare(centres.size(), 0.0);
    int shareRows = 0;
    for (const auto* bins : binned)
        if (bins->contains("grad_share")) {
            ++shareRows;
            for (size_t b = 0; b < centres.size(); ++b)
                gradShare[b] += (*bins)["grad_share"][b].get<double>();
        }
    double total = 0.0;
    for (const auto& p : pooled)
        total += p.count > 0 ? p.count * p.mean("loss") : 0.0;

    std::ostringstream csv;
    csv.precision(10);
    const auto& front = *binned.front();
    csv << "log10_sigma,sigma,t,count,loss_share,grad_share";
    for (const auto& name : names)
        csv << ',' << name << ',' << name << "_std";
    csv << '\n';
    std::printf("%12s %10s %12s %12s %8s\n", "sigma", "count", "loss", "loss_std", "share");
    for (size_t b = 0; b < pooled.size(); ++b) {
        const double c = centres[b].get<double>();
        const auto& p = pooled[b];
        const double share = p.count > 0 ? p.count * p.mean("loss") / total : 0.0;
        csv << c << ',' << std::pow(10.0, c) << ',';
        if (front.contains("t"))  // runs written before bins carried their times lack it
            csv << front["t"][b].get<double>();
        csv << ',' << p.count << ',' << share << ',';
        if (shareRows > 0)
            csv << gradShare[b] / shareRows;
        for (const auto& name : names) {
            if (p.count > 0 && p.moments.count(name))
                csv << ',' << p.mean(name) << ',' << p.sd(name);
            else
                csv << ",,";
        }
        csv << '\n';
        if (p.count > 0)
            std::printf("%12.4g %10.0f %12.4g %12.4g %8.4f\n", std::pow(10.0, c), p.count, p.mean("loss"), p.sd("loss"), share);
    }
    writeFileAtomically(csvPath, csv.str());
    std::printf("%zu windows pooled; written to %s\n", binned.size(), csvPath.c_str());
    return 0;
}

} // namespace scorescope::cli
