#include "widgets/analysis/AnalysisView.h"

#include "widgets/analysis/CsvTable.h"
#include "widgets/charts/CurveChartView.h"

#include <QFileInfo>
#include <QGridLayout>

#include <algorithm>
#include <cmath>

namespace {

using Curve = CurveChartView::Curve;
using Band = CurveChartView::Band;

Curve curve(const QString& name, const QVector<double>& x, const QVector<double>& y, bool dashed = false)
{
    return CurveChartView::curve(name, x, y, dashed);
}

} // namespace

AnalysisView::AnalysisView(QWidget* parent) : QWidget(parent), grid_(new QGridLayout(this))
{
    setObjectName("analysisView");
}

void AnalysisView::add(CurveChartView* chart)
{
    grid_->addWidget(chart, charts_.size() / 2, charts_.size() % 2);
    charts_.push_back(chart);
}

bool AnalysisView::open(const QStringList& files, QString* error)
{
    QVector<CsvTable> tables;
    for (const auto& f : files) {
        tables.push_back(CsvTable::read(f, error));
        if (tables.back().rows() == 0) {
            if (error->isEmpty())
                *error = tr("%1: no rows").arg(f);
            return false;
        }
    }
    qDeleteAll(charts_);
    charts_.clear();
    // Curves are named by file, less the prefix all files share ("ring8-ve-n16.csv", … → "n16").
    QStringList bases;
    for (const auto& t : tables)
        bases.push_back(QFileInfo(t.path).completeBaseName());
    int common = 0;
    if (bases.size() > 1)
        while (common < bases[0].size() && std::all_of(bases.begin(), bases.end(), [&](const QString& b) {
                   return common < b.size() - 1 && b[common] == bases[0][common];
               }))
            ++common;
    auto name = [&](const CsvTable& t) { return bases[static_cast<int>(&t - tables.constData())].mid(common); };
    const auto& first = tables.front();

    if (first.has("v_stf")) {
        auto* ratio = new CurveChartView(tr("STF target variance / DSM target variance (§3.4)"), tr("σ"), tr("V_STF / V_DSM"), true, true);
        auto* bias = new CurveChartView(tr("STF bias against the true score"), tr("σ"), tr("RMS bias (score units)"), true, true);
        auto* variance = new CurveChartView(tr("Target variance, score units (%1)").arg(name(first)), tr("σ"), tr("E tr Cov[target | x]"), true, true);
        QVector<Curve> ratios, biases;
        for (const auto& t : tables) {
            ratios.push_back(curve(name(t), t.numbers("sigma"), t.numbers("ratio")));
            biases.push_back(curve(name(t), t.numbers("sigma"), t.numbers("bias")));
        }
        ratio->setCurves(ratios, CurveChartView::regimeBands(first.numbers("sigma"), first.text("regime")));
        bias->setCurves(biases, CurveChartView::regimeBands(first.numbers("sigma"), first.text("regime")));
        variance->setCurves({curve("DSM", first.numbers("sigma"), first.numbers("v_dsm")),
                             curve("STF", first.numbers("sigma"), first.numbers("v_stf"))},
                            CurveChartView::regimeBands(first.numbers("sigma"), first.text("regime")));
        add(ratio);
        add(bias);
        add(variance);
    } else if (first.has("tau_density")) {
        auto* densities = new CurveChartView(tr("Soft Truncation: densities (§2.2)"), tr("t"), tr("density"), true, true);
        auto* weights = new CurveChartView(tr("Effective weight in expectation over τ (§2.3)"), tr("t"), tr("λ(t)"), true, true);
        QVector<Curve> d, w;
        for (const auto& t : tables) {
            const QString suffix = tables.size() > 1 ? " " + name(t) : QString();
            d.push_back(curve(tr("τ") + suffix, t.numbers("t"), t.numbers("tau_density")));
            d.push_back(curve(tr("t") + suffix, t.numbers("t"), t.numbers("t_density"), true));
            if (t.has("t_density_given_tau"))
                d.push_back(curve(tr("t | median τ") + suffix, t.numbers("t"), t.numbers("t_density_given_tau"), true));
            w.push_back(curve(tr("λ_ST") + suffix, t.numbers("t"), t.numbers("lambda_st")));
        }
        w.push_back(curve(tr("fixed ε"), first.numbers("t"), first.numbers("lambda_fixed"), true));
        densities->setCurves(d);
        weights->setCurves(w);
        add(densities);
        add(weights);
    } else if (first.has("tau_empirical")) {
        auto* qq = new CurveChartView(tr("Quantiles: empirical against analytic"), tr("analytic"), tr("empirical"), true, true);
        QVector<Curve> c;
        for (const auto& t : tables) {
            c.push_back(curve(tr("τ ") + name(t), t.numbers("tau_analytic"), t.numbers("tau_empirical")));
            c.push_back(curve(tr("t ") + name(t), t.numbers("t_analytic"), t.numbers("t_empirical")));
        }
        const auto a = first.numbers("tau_analytic");
        c.push_back(curve(tr("y = x"), {a.front(), 1.0}, {a.front(), 1.0}, true));
        qq->setCurves(c);
        add(qq);
    } else if (first.has("loss_share")) {
        auto* loss = new CurveChartView(tr("Per-noise-level loss (mean, mean ± std)"), tr("σ"), tr("per-sample loss"), true, true);
        auto* share = new CurveChartView(tr("Share of the total loss (and gradient)"), tr("σ"), tr("share"), true, false);
        QVector<Curve> l, s;
        for (const auto& t : tables) {
            const auto sigma = t.numbers("sigma"), mean = t.numbers("loss"), sd = t.numbers("loss_std");
            QVector<double> upper;
            for (int i = 0; i < mean.size(); ++i)
                upper.push_back(mean[i] + sd[i]);
            const QString prefix = tables.size() > 1 ? name(t) + " " : QString();
            l.push_back(curve(prefix + tr("mean"), sigma, mean));
            l.push_back(curve(prefix + tr("mean + std"), sigma, upper, true));
            s.push_back(curve(prefix + tr("loss"), sigma, t.numbers("loss_share")));
            const auto grad = t.numbers("grad_share");
            if (std::any_of(grad.begin(), grad.end(), [](double v) { return std::isfinite(v); }))
                s.push_back(curve(prefix + tr("gradient"), sigma, grad, true));
        }
        loss->setCurves(l);
        share->setCurves(s);
        add(loss);
        add(share);
    } else if (first.has("kl_gaussian")) {
        // analyze horizon: the ELBO's shortfall terms against T, one set of curves per file.
        auto* chart = new CurveChartView(tr("ELBO terms against the horizon T (§4.2)"), tr("T"), tr("nats per point"), false, true);
        QVector<Curve> c;
        for (const auto& t : tables) {
            const QString suffix = tables.size() > 1 ? " · " + name(t) : QString();
            const auto T = t.numbers("T");
            c.push_back(curve(tr("KL[p_T ‖ N(0, I)]") + suffix, T, t.numbers("kl_gaussian")));
            c.push_back(curve(tr("KL[p_T ‖ auxiliary]") + suffix, T, t.numbers("kl_aux")));
            c.push_back(curve(tr("gap G(θ, T)") + suffix, T, t.numbers("gap")));
            c.push_back(curve(tr("gap + KL, Gaussian prior") + suffix, T, t.numbers("excess_gaussian"), true));
            c.push_back(curve(tr("gap + KL, auxiliary prior") + suffix, T, t.numbers("excess_aux"), true));
        }
        chart->setCurves(c);
        add(chart);
    } else if (first.has("step") || first.header.value(0) == "T") {
        // Metrics against training steps (or the horizon T), one chart per file: each column a
        // series (mean over seeds), with its "_sd" column (standard deviation over seeds) drawn
        // as dashed mean ± sd.
        for (const auto& t : tables) {
            const QString x = t.has("step") ? QString("step") : QString("T");
            if (!t.has(x)) {
                *error = tr("%1: has no %2 column like %3").arg(t.path, x, first.path);
                return false;
            }
            const QString base = QFileInfo(t.path).completeBaseName();
            auto* chart = new CurveChartView(base, x == "step" ? tr("training step") : tr("horizon T"),
                                             base.section("-against", 0, 0), false, false);
            QVector<Curve> c;
            int series = 0;
            for (const auto& column : t.header) {
                if (column == x || column.endsWith("_sd"))
                    continue;
                const auto mean = t.numbers(column);
                c.push_back(curve(column, t.numbers(x), mean));
                c.back().colour = series;
                if (t.has(column + "_sd")) {
                    const auto sd = t.numbers(column + "_sd");
                    QVector<double> lo, hi;
                    for (int i = 0; i < mean.size(); ++i)
                        lo.push_back(mean[i] - sd[i]), hi.push_back(mean[i] + sd[i]);
                    c.push_back(curve(column + tr(" + sd"), t.numbers(x), hi, true));
                    c.back().colour = series;
                    c.push_back(curve(column + tr(" − sd"), t.numbers(x), lo, true));
                    c.back().colour = series;
                }
                ++series;
            }
            chart->setCurves(c);
            add(chart);
        }
    } else {
        *error = tr("%1: not an output of scorescope-cli analyze stf, truncation, loss-scale or horizon, nor a table against step or T").arg(first.path);
        return false;
    }
    return true;
}
