#include "widgets/live/SoftTruncationView.h"

#include "core/analysis/TimeSamplingLaw.h"
#include "widgets/charts/CurveChartView.h"
#include "core/common/Error.h"
#include "core/train/TrainConfig.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <nlohmann/json.hpp>

#include <cmath>

using namespace scorescope;

namespace {
// A histogram over log10 edges as a step curve of densities per unit log10.
CurveChartView::Curve steps(const QString& name, const QVector<double>& edges, const QVector<double>& counts, double total)
{
    CurveChartView::Curve c{name, {}, false};
    for (int i = 0; i + 1 < edges.size(); ++i) {
        const double d = counts[i] / (total * std::log10(edges[i + 1] / edges[i]));
        c.points.push_back({edges[i], d});
        c.points.push_back({edges[i + 1], d});
    }
    return c;
}
} // namespace

SoftTruncationView::SoftTruncationView(QWidget* parent)
    : QWidget(parent),
      tauChart_(new CurveChartView(tr("Truncation τ per step (§2.2)"), tr("τ"), tr("dP/dlog10 τ"), true, false)),
      timeChart_(new CurveChartView(tr("Diffusion time t trained on"), tr("t"), tr("dP/dlog10 t"), true, true))
{
    tauChart_->setYFromZero(true);
    tauChart_->setObjectName("tauChart");
    timeChart_->setObjectName("timeChart");
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tauChart_);
    layout->addWidget(timeChart_);
}

SoftTruncationView::~SoftTruncationView() = default;

void SoftTruncationView::setRunConfig(const QJsonObject& json)
{
    lawTauX_.clear(), lawTau_.clear(), lawTX_.clear(), lawT_.clear();
    sde_.reset();
    try {
        const auto config = trainConfigFromJson(nlohmann::json::parse(QJsonDocument(json).toJson().toStdString()), "config.json");
        sde_ = makeSde(config.sde);
        const auto law = timeSamplingLaw(config);
        eps_ = law.eps;
        horizon_ = law.horizon;
        lawTauX_ = QVector<double>(law.tau.x.begin(), law.tau.x.end());
        lawTau_ = QVector<double>(law.tau.density.begin(), law.tau.density.end());
        lawTX_ = QVector<double>(law.t.x.begin(), law.t.x.end());
        lawT_ = QVector<double>(law.t.density.begin(), law.t.density.end());
    } catch (const std::exception&) {
        sde_.reset();  // a config this build cannot read: no law, no bin edges
    }
    redraw();
}

void SoftTruncationView::clear()
{
    tauCounts_.fill(0.0, kTauBins);
    tauTotal_ = 0;
    binLog10T_.clear();
    binCounts_.clear();
    redraw();
}

QString SoftTruncationView::toCsv() const
{
    QString csv = "chart,curve,x,y\n";
    for (auto [name, chart] : {std::pair{QString("tau"), tauChart_}, {QString("t"), timeChart_}}) {
        const auto lines = chart->toCsv().split('\n', Qt::SkipEmptyParts);
        for (int i = 1; i < lines.size(); ++i)  // without each chart's header
            csv += name + "," + lines[i] + "\n";
    }
    return csv;
}

double SoftTruncationView::timeCount() const
{
    double n = 0.0;
    for (double c : binCounts_)
        n += c;
    return n;
}

void SoftTruncationView::addRows(const QVector<scorescope::MetricsRow>& rows)
{
    for (const auto& row : rows) {
        for (const double tau : row.tau) {
            if (!sde_ || !(tau > 0.0) || !std::isfinite(tau))
                continue;
            const int b = static_cast<int>(std::floor(std::log(tau / eps_) / std::log(horizon_ / eps_) * kTauBins));
            tauCounts_[std::clamp(b, 0, kTauBins - 1)] += 1.0;
            ++tauTotal_;
        }
        if (!row.timeBins)
            continue;
        const auto& bins = *row.timeBins;
        if (binLog10T_.isEmpty() && !bins.centres.empty()) {
            binLog10T_ = QVector<double>(bins.centres.begin(), bins.centres.end());
            binCounts_.fill(0.0, binLog10T_.size());
        }
        for (int i = 0; i < std::min<qsizetype>(qsizetype(bins.count.size()), binCounts_.size()); ++i)
            binCounts_[i] += bins.count[i];
    }
    redraw();
}

void SoftTruncationView::redraw()
{
    QVector<CurveChartView::Curve> tau;
    if (tauTotal_ > 0) {
        QVector<double> edges;
        for (int i = 0; i <= kTauBins; ++i)
            edges.push_back(eps_ * std::pow(horizon_ / eps_, double(i) / kTauBins));
        tau.push_back(steps(tr("drawn (%1 steps)").arg(tauTotal_), edges, tauCounts_, double(tauTotal_)));
    }
    if (!lawTau_.isEmpty())
        tau.push_back(CurveChartView::curve(tr("P_k(τ)"), lawTauX_, lawTau_, true));
    tauChart_->setCurves(tau);
    tauChart_->chart()->setTitle(lawTau_.isEmpty() && sde_ ? tr("Fixed truncation ε = %1 (no Soft Truncation)").arg(eps_)
                                                          : tr("Truncation τ per step (§2.2)"));

    QVector<CurveChartView::Curve> time;
    const double total = timeCount();
    if (total > 0.0 && binLog10T_.size() > 1) {
        // Bin edges halfway between the logged centres in log10 t.
        const double half = 0.5 * (binLog10T_[1] - binLog10T_[0]);
        QVector<double> edges;
        for (double c : binLog10T_)
            edges.push_back(std::pow(10.0, c - half));
        edges.push_back(std::pow(10.0, binLog10T_.back() + half));
        time.push_back(steps(tr("drawn (%1 samples)").arg(total, 0, 'f', 0), edges, binCounts_, total));
    }
    if (!lawT_.isEmpty())
        time.push_back(CurveChartView::curve(tr("law of t"), lawTX_, lawT_, true));
    timeChart_->setCurves(time);
}
