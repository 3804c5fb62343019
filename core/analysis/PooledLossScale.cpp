#include "core/analysis/PooledLossScale.h"

#include "core/common/Error.h"

#include <algorithm>
#include <cmath>

namespace scorescope {

namespace {
// Σ c·m and Σ c·(sd² + m²) over the windows: the pooled mean and spread of all their samples.
struct Moments {
    double count = 0.0, first = 0.0, second = 0.0;
    void add(double c, double mean, double sd)
    {
        count += c;
        first += c * mean;
        second += c * (sd * sd + mean * mean);
    }
    double mean() const { return count > 0.0 ? first / count : MetricsRow::missing; }
    double spread() const { return count > 0.0 ? std::sqrt(std::max(0.0, second / count - mean() * mean())) : MetricsRow::missing; }
};
}

PooledLossScale poolLossScale(const std::vector<MetricsRow>& rows, size_t windows, const std::string& logPath)
{
    std::vector<const BinnedWindow*> binned;
    for (auto it = rows.rbegin(); it != rows.rend() && binned.size() < windows; ++it)
        if (it->lossBins)
            binned.push_back(&*it->lossBins);
    if (binned.empty())
        throw Error(logPath, "has no per-noise-level bins (written by runs since STF and Soft Truncation landed)");

    const auto& front = *binned.front();
    PooledLossScale out;
    out.windows = binned.size();
    for (const auto& s : front.series)
        if (!s.spread.empty())
            out.names.push_back(s.name);
    const size_t bins = front.centres.size(), names = out.names.size();
    std::vector<std::vector<Moments>> moments(bins, std::vector<Moments>(names));
    std::vector<double> gradShare(bins, 0.0);
    int shareRows = 0;
    out.bins.resize(bins);
    for (const auto* window : binned) {
        if (window->centres != front.centres)
            throw Error(logPath, "bins change between rows");
        for (size_t b = 0; b < bins; ++b) {
            const double c = window->count[b];
            if (c == 0.0)
                continue;
            out.bins[b].count += c;
            for (size_t n = 0; n < names; ++n)
                if (const auto* s = window->find(out.names[n]); s && !s->spread.empty() && !std::isnan(s->mean[b]))
                    moments[b][n].add(c, s->mean[b], s->spread[b]);
        }
        // Gradient shares are per logging step: averaged over the windows.
        if (const auto* share = window->find("grad_share")) {
            ++shareRows;
            for (size_t b = 0; b < bins; ++b)
                gradShare[b] += share->mean[b];
        }
    }
    for (size_t b = 0; b < bins; ++b) {
        auto& bin = out.bins[b];
        bin.log10Sigma = front.centres[b];
        if (!front.t.empty())
            bin.t = front.t[b];
        if (shareRows > 0)
            bin.gradShare = gradShare[b] / shareRows;
        for (const auto& m : moments[b]) {
            bin.mean.push_back(m.mean());
            bin.spread.push_back(m.spread());
        }
    }
    const auto loss = std::find(out.names.begin(), out.names.end(), "loss") - out.names.begin();
    if (size_t(loss) < names) {
        double total = 0.0;
        for (const auto& bin : out.bins)
            total += bin.count > 0.0 ? bin.count * bin.mean[loss] : 0.0;
        for (auto& bin : out.bins)
            bin.lossShare = bin.count > 0.0 ? bin.count * bin.mean[loss] / total : 0.0;
    }
    return out;
}

} // namespace scorescope
