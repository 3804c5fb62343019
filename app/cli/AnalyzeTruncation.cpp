#include "core/analysis/TruncationLaw.h"
#include "app/cli/Analyses.h"
#include "app/cli/ArgParser.h"
#include "core/common/Rng.h"
#include "core/objective/DenoisingScoreMatching.h"
#include "core/run/AtomicFile.h"
#include "core/sde/SdeFactory.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace scorescope::cli {

namespace {

// Kolmogorov–Smirnov distance of sorted draws from a CDF.
template <typename Cdf> double ksDistance(const std::vector<double>& sorted, Cdf cdf)
{
    const double n = static_cast<double>(sorted.size());
    double d = 0.0;
    for (size_t i = 0; i < sorted.size(); ++i) {
        const double F = cdf(sorted[i]);
        d = std::max({d, std::abs((i + 1) / n - F), std::abs(F - i / n)});
    }
    return d;
}

double empiricalQuantile(const std::vector<double>& sorted, double q)
{
    return sorted[std::min(sorted.size() - 1, static_cast<size_t>(q * static_cast<double>(sorted.size())))];
}

} // namespace

int analyzeTruncation(const std::vector<std::string>& args)
{
    ArgParser a("analyze truncation",
                "Soft Truncation (§2.2): draws tau ~ tau^-k on [eps, T] and t | tau through the training code,\n"
                "and compares their quantiles and CDFs with the analytic laws. The CSV has q, tau_empirical,\n"
                "tau_analytic, t_empirical, t_analytic; --curves writes the analytic densities and the\n"
                "effective weight lambda_ST(t) = g^2(t) F_k(t) (§2.3) on a log grid of t.",
                {{"sde", "KIND", "ve, vp or subvp (default vp)"},
                 {"eps", "E", "lower end of tau (default 1e-5)"},
                 {"k", "K", "exponent of P(tau) ~ tau^-k (default 1)"},
                 {"uniform", "", "t | tau uniform on [tau, T] (variance weighting) instead of importance-sampled"},
                 {"samples", "N", "training steps simulated: one tau and one t each (default 20000)"},
                 {"seed", "N", "random seed (default 0)"},
                 {"curves", "FILE", "also write t, tau_density, tau_cdf, t_density, t_cdf, t_density_given_tau,\n"
                                    "lambda_st, lambda_fixed"},
                 {"tau", "TAU", "--curves: the tau of t_density_given_tau (default: the median of tau)"},
                 {"csv", "FILE", "output CSV of quantiles (required)"}});
    if (!a.parseOrShowHelp(args))
        return 0;
    const std::string csvPath = a.required("csv");
    const auto sde = makeSde(SdeConfig::defaults(parseSdeKind(a.choice("sde", {"ve", "vp", "subvp"}, "vp"))));
    ObjectiveConfig config;
    config.eps = a.positive("eps", 1e-5);
    config.softTruncationK = a.positive("k", 1.0);
    const bool uniform = a.has("uniform");
    config.weighting = uniform ? Weighting::Variance : Weighting::LikelihoodIS;
    if (config.eps >= sde->horizon())
        throw UsageError("--eps must be below the horizon T = " + std::to_string(sde->horizon()));
    const DenoisingScoreMatching objective(sde, config);
    const auto& st = *objective.softTruncation();
    const TruncationLaw law(*sde, st, !uniform);

    const int64_t n = a.positiveInt("samples", 20000);
    Rng rng(a.unsignedInt("seed", 0));
    std::vector<double> taus, times;
    for (int64_t i = 0; i < n; ++i) {
        taus.push_back(st.sample(rng));
        times.push_back(objective.drawTimes(1, rng, taus.back()).t.item<double>());
    }
    std::sort(taus.begin(), taus.end());
    std::sort(times.begin(), times.end());
    const double ksTau = ksDistance(taus, [&](double t) { return st.cdf(t); });
    const double ksT = ksDistance(times, [&](double t) { return law.marginalCdf(t); });
    const double critical = 1.95 / std::sqrt(static_cast<double>(n));
    const double below = static_cast<double>(std::lower_bound(times.begin(), times.end(), 1e-3) - times.begin()) / n;

    std::ostringstream csv;
    csv.precision(10);
    csv << "q,tau_empirical,tau_analytic,t_empirical,t_analytic\n";
    for (double q : {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99})
        csv << q << ',' << empiricalQuantile(taus, q) << ',' << st.quantile(q) << ',' << empiricalQuantile(times, q) << ','
            << law.marginalQuantile(q) << '\n';
    writeFileAtomically(csvPath, csv.str());

    if (a.has("curves")) {
        std::ostringstream curves;
        curves.precision(10);
        const double tau = a.has("tau") ? a.positive("tau", 0.0) : st.quantile(0.5);
        if (tau < config.eps || tau >= sde->horizon())
            throw UsageError("--tau must lie in [eps, T) = [" + std::to_string(config.eps) + ", " + std::to_string(sde->horizon()) + ")");
        curves << "t,tau_density,tau_cdf,t_density,t_cdf,t_density_given_tau,lambda_st,lambda_fixed\n";
        const int points = 200;
        for (int i = 0; i < points; ++i) {
            const double t = config.eps * std::pow(sde->horizon() / config.eps, double(i) / (points - 1));
            const double fixed = uniform ? std::pow(sde->stdAt(t), 2) : std::pow(sde->diffusionAt(t), 2);
            curves << t << ',' << st.density(t) << ',' << st.cdf(t) << ',' << law.marginalDensity(t) << ','
                   << law.marginalCdf(t) << ',' << law.conditionalDensity(t, tau) << ',' << law.effectiveWeight(t) << ','
                   << fixed << '\n';
        }
        writeFileAtomically(a.str("curves"), curves.str());
    }
    std::printf("%s, eps = %g, k = %g, t | tau %s, %lld steps\n", sde->name().c_str(), config.eps, st.k(),
                uniform ? "uniform" : "importance-sampled", static_cast<long long>(n));
    std::printf("KS distance tau: %.4f, t: %.4f (critical value at 0.001: %.4f)\n", ksTau, ksT, critical);
    std::printf("share of t < 1e-3: %.4f empirical, %.4f analytic\n", below, law.marginalCdf(1e-3));
    std::printf("written to %s%s%s\n", csvPath.c_str(), a.has("curves") ? " and " : "", a.str("curves").c_str());
    return 0;
}

} // namespace scorescope::cli
