#include "widgets/playground/PlaygroundView.h"

#include "widgets/charts/Viridis.h"
#include "widgets/playground/MixtureCanvas.h"
#include "widgets/playground/PlaygroundWorker.h"
#include "widgets/playground/RegimeStripView.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace scorescope;

namespace {
constexpr int sliderSteps = 1000;

QRectF frameOf(const PlaneGrid& g) { return {g.xMin, g.yMin, g.xMax - g.xMin, g.yMax - g.yMin}; }

// The display length of the arrows: a field's 95th-percentile displacement s²·v fills 90 % of a cell.
double arrowScale(const std::vector<float>& uv, double s2, double cell)
{
    std::vector<double> lengths;
    for (size_t i = 0; i + 1 < uv.size(); i += 2)
        lengths.push_back(s2 * std::hypot(uv[i], uv[i + 1]));
    if (lengths.empty())
        return 0.0;
    auto q = lengths.begin() + static_cast<long>(0.95 * (lengths.size() - 1));
    std::nth_element(lengths.begin(), q, lengths.end());
    return *q > 0.0 ? 0.9 * cell / *q : 0.0;
}

QPointF scaled(const std::array<double, 2>& v, double k) { return {k * v[0], k * v[1]}; }
} // namespace

PlaygroundView::PlaygroundView(PlaygroundWorker* worker, QWidget* parent)
    : QWidget(parent), worker_(worker), canvas_(new MixtureCanvas), strip_(new RegimeStripView),
      timeSlider_(new QSlider(Qt::Horizontal)), play_(new QToolButton), playTimer_(new QTimer(this)),
      timeLabel_(new QLabel), source_(new QComboBox), showDensity_(new QCheckBox(tr("Density p_t"))),
      showArrows_(new QCheckBox(tr("Score arrows"))), showSamples_(new QCheckBox(tr("Forward samples"))),
      showRegimes_(new QCheckBox(tr("Regime map"))), probeLabel_(new QLabel), note_(new QLabel)
{
    setObjectName("playgroundView");
    canvas_->setObjectName("playgroundCanvas");
    strip_->setObjectName("regimeStrip");
    timeSlider_->setObjectName("timeSlider");
    play_->setObjectName("playButton");
    timeLabel_->setObjectName("timeLabel");
    source_->setObjectName("scoreSource");
    probeLabel_->setObjectName("probeLabel");
    note_->setObjectName("lessonNote");

    auto* modes = new QButtonGroup(this);
    auto* modeRow = new QHBoxLayout;
    const std::pair<QString, MixtureCanvas::Mode> modeList[] = {{tr("Edit"), MixtureCanvas::Mode::Edit},
                                                               {tr("Spray"), MixtureCanvas::Mode::Spray},
                                                               {tr("Probe"), MixtureCanvas::Mode::Probe}};
    const char* modeNames[] = {"modeEdit", "modeSpray", "modeProbe"};
    const QString modeTips[] = {tr("Click to add a component, drag its handle to move it, wheel to resize, right click "
                                   "or Delete to remove"),
                                tr("Drag to spray narrow components freehand"),
                                tr("Click a point to see the reference batch, the DSM and STF targets and the true score")};
    for (int i = 0; i < 3; ++i) {
        auto* b = new QToolButton;
        b->setText(modeList[i].first);
        b->setObjectName(modeNames[i]);
        b->setToolTip(modeTips[i]);
        b->setCheckable(true);
        b->setChecked(i == 0);
        modes->addButton(b, i);
        modeRow->addWidget(b);
        connect(b, &QToolButton::toggled, this, [this, mode = modeList[i].second](bool on) {
            if (on)
                canvas_->setMode(mode);
        });
    }
    modeRow->addStretch();

    timeSlider_->setRange(0, sliderSteps);
    timeSlider_->setValue(sliderSteps / 2);
    timeSlider_->setToolTip(tr("Diffusion time t on a log scale from the sampler's ε to T"));
    play_->setText(tr("Play"));
    play_->setCheckable(true);
    play_->setToolTip(tr("Sweep t from ε to T"));
    playTimer_->setInterval(40);
    connect(play_, &QToolButton::toggled, this, [this](bool on) { on ? playTimer_->start() : playTimer_->stop(); });
    connect(playTimer_, &QTimer::timeout, this, [this] {
        const int next = timeSlider_->value() + 5;
        if (next > sliderSteps)
            play_->setChecked(false);
        else
            timeSlider_->setValue(next);
    });
    connect(timeSlider_, &QSlider::valueChanged, this, [this] {
        updateTimeLabel();
        strip_->setCurrentTime(time());
        refresh();
        if (probeAt_)
            probe(*probeAt_);
    });
    auto* timeRow = new QHBoxLayout;
    timeRow->addWidget(play_);
    timeRow->addWidget(timeSlider_, 1);

    source_->addItem(tr("Closed form ∇log p_t"), int(ScoreSource::Truth));
    source_->addItem(tr("Trained model s_θ"), int(ScoreSource::Model));
    source_->addItem(tr("Model − closed form"), int(ScoreSource::Difference));
    source_->setToolTip(tr("Which score field the arrows show; the model's needs a run (Open run…)"));
    connect(source_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    for (auto* box : {showDensity_, showArrows_, showSamples_, showRegimes_}) {
        box->setChecked(box != showRegimes_);
        connect(box, &QCheckBox::toggled, this, [this] {
            if (field_)
                showField(*field_);
        });
    }
    showDensity_->setObjectName("showDensity");
    showArrows_->setObjectName("showArrows");
    showSamples_->setObjectName("showSamples");
    showRegimes_->setObjectName("showRegimes");

    probeLabel_->setWordWrap(true);
    probeLabel_->setTextFormat(Qt::RichText);
    probeLabel_->setText(tr("Probe mode: click a point of the canvas."));
    note_->setWordWrap(true);
    note_->setTextFormat(Qt::RichText);
    note_->setVisible(false);

    auto* side = new QVBoxLayout;
    side->addLayout(modeRow);
    side->addWidget(timeLabel_);
    side->addLayout(timeRow);
    auto* layers = new QGroupBox(tr("Layers"));
    auto* layersLayout = new QFormLayout(layers);
    layersLayout->addRow(tr("Arrows:"), source_);
    for (auto* box : {showDensity_, showArrows_, showSamples_, showRegimes_})
        layersLayout->addRow(box);
    side->addWidget(layers);
    auto* probeBox = new QGroupBox(tr("Probe (STF §3.3)"));
    (new QVBoxLayout(probeBox))->addWidget(probeLabel_);
    side->addWidget(probeBox);
    auto* stripBox = new QGroupBox(tr("Regimes over the horizon"));
    (new QVBoxLayout(stripBox))->addWidget(strip_);
    side->addWidget(stripBox);
    side->addWidget(note_);
    side->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(canvas_, 1);
    auto* sideWidget = new QWidget;
    sideWidget->setLayout(side);
    // The panel scrolls rather than squeezing the probe's text when the window is short.
    auto* sideScroll = new QScrollArea;
    sideScroll->setWidget(sideWidget);
    sideScroll->setWidgetResizable(true);
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sideScroll->setMaximumWidth(440);
    sideScroll->setMinimumWidth(360);
    layout->addWidget(sideScroll);

    connect(canvas_, &MixtureCanvas::mixtureEdited, this, [this](const PlanarMixture& m) {
        refresh();
        worker_->requestStrip(m, canvas_->frame().width() / 2.0);
        if (probeAt_)
            probe(*probeAt_);
        Q_EMIT mixtureChanged(m);
    });
    connect(canvas_, &MixtureCanvas::probeRequested, this, &PlaygroundView::probe);
    connect(worker_, &PlaygroundWorker::fieldReady, this, [this] {
        if (auto field = worker_->takeField())
            showField(*field);
    });
    connect(worker_, &PlaygroundWorker::probeReady, this, [this] {
        if (auto probe = worker_->takeProbe())
            showProbe(*probe);
    });
    connect(worker_, &PlaygroundWorker::stripReady, this, [this] {
        if (auto strip = worker_->takeStrip())
            strip_->setStrip(*strip);
    });
    connect(worker_, &PlaygroundWorker::sdeChanged, this, [this] { onSde(worker_->sde()); });
    updateTimeLabel();
}

void PlaygroundView::setMixture(const PlanarMixture& mixture)
{
    canvas_->setMixture(mixture);
    refresh();
    worker_->requestStrip(mixture, canvas_->frame().width() / 2.0);
    if (probeAt_)
        probe(*probeAt_);
}

const PlanarMixture& PlaygroundView::mixture() const { return canvas_->mixture(); }

double PlaygroundView::sliderTime(int value) const
{
    return std::exp(std::log(eps_) + (std::log(T_) - std::log(eps_)) * value / sliderSteps);
}

double PlaygroundView::time() const { return sliderTime(timeSlider_->value()); }

void PlaygroundView::setTime(double t)
{
    t = std::clamp(t, eps_, T_);
    timeSlider_->setValue(static_cast<int>(std::lround((std::log(t) - std::log(eps_)) / (std::log(T_) - std::log(eps_)) * sliderSteps)));
}

void PlaygroundView::setScoreSource(ScoreSource source) { source_->setCurrentIndex(source_->findData(int(source))); }

void PlaygroundView::onSde(const SdeInfo& sde)
{
    const double t = time();
    eps_ = sde.eps;
    T_ = sde.T;
    const QSignalBlocker block(timeSlider_);
    setTime(t);
    updateTimeLabel();
    strip_->setCurrentTime(time());
    refresh();
    worker_->requestStrip(mixture(), canvas_->frame().width() / 2.0);
    if (probeAt_)
        probe(*probeAt_);
}

void PlaygroundView::updateTimeLabel()
{
    QString text = tr("t = %1").arg(time(), 0, 'g', 3);
    if (field_)
        text += tr("   σ = %1   a = %2   s = %3").arg(field_->sigma, 0, 'g', 3).arg(field_->a, 0, 'g', 3).arg(field_->s, 0, 'g', 3);
    timeLabel_->setText(text);
}

void PlaygroundView::refresh()
{
    if (canvas_->mixture().components.empty())
        return;
    FieldRequest request;
    request.mixture = canvas_->mixture();
    request.t = time();
    const QRectF f = canvas_->frame();
    request.frame = {f.left(), f.right(), f.top(), f.bottom()};
    request.source = static_cast<ScoreSource>(source_->currentData().toInt());
    worker_->requestField(request, run_);
}

void PlaygroundView::probe(const QPointF& at)
{
    probeAt_ = at;
    canvas_->setProbe(at, true);
    ProbeRequest request;
    request.mixture = canvas_->mixture();
    request.t = time();
    request.x = at.x();
    request.y = at.y();
    worker_->requestProbe(request);
}

QImage PlaygroundView::densityImage(const FieldSnapshot& field)
{
    const auto& g = field.densityGrid;
    QImage image(g.cols, g.rows, QImage::Format_RGB32);
    // ln p_t over its top 10 nats: the modes and the valleys between them both stay visible.
    const float top = *std::max_element(field.logDensity.begin(), field.logDensity.end());
    for (int r = 0; r < g.rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        for (int c = 0; c < g.cols; ++c)
            line[c] = viridis((field.logDensity[r * g.cols + c] - (top - 10.0f)) / 10.0).rgb();
    }
    return image;
}

void PlaygroundView::showField(const FieldSnapshot& field)
{
    field_ = field;
    ++fieldsReceived_;
    updateTimeLabel();
    canvas_->setFrame(frameOf(field.densityGrid));
    canvas_->setBackground(showDensity_->isChecked() ? densityImage(field) : QImage());
    QImage regimes;
    if (showRegimes_->isChecked()) {
        regimes = QImage(field.regimeGrid.cols, field.regimeGrid.rows, QImage::Format_ARGB32);
        for (int r = 0; r < field.regimeGrid.rows; ++r)
            for (int c = 0; c < field.regimeGrid.cols; ++c)
                regimes.setPixelColor(c, r, regimeColour(field.regime[r * field.regimeGrid.cols + c], showDensity_->isChecked() ? 110 : 255));
    }
    canvas_->setOverlay(regimes);

    QVector<PlaneCanvas::Arrows> arrows;
    if (showArrows_->isChecked()) {
        // Arrows show s²·score, the step to the denoised point a·E[y | x], rescaled to the cells.
        const auto& g = field.arrowGrid;
        const double s2 = field.s * field.s, k = arrowScale(field.arrows, s2, (g.xMax - g.xMin) / g.cols);
        PlaneCanvas::Arrows layer{{}, {}, QColor(255, 255, 255, 220), 1.0, true};
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c) {
                const int i = r * g.cols + c;
                layer.from << QPointF(g.x(c), g.y(r));
                layer.delta << QPointF(k * s2 * field.arrows[2 * i], k * s2 * field.arrows[2 * i + 1]);
            }
        arrows << layer;
    }
    canvas_->setArrows(arrows);
    QVector<PlaneCanvas::Points> points;
    if (showSamples_->isChecked()) {
        PlaneCanvas::Points samples{{}, QColor(214, 39, 40, 170), 1.4, {}, false};
        for (size_t i = 0; i + 1 < field.samples.size(); i += 2)
            samples.at << QPointF(field.samples[i], field.samples[i + 1]);
        points << samples;
    }
    if (probe_) {
        // The reference batch at a·y_i, each dot's area ∝ its weight (§3.3); y_1 outlined.
        PlaneCanvas::Points reference{{}, QColor(0, 0, 0, 200), 1.0, {}, false};
        const double maxW = probe_->maxWeight;
        for (size_t i = 0; i < probe_->weights.size(); ++i) {
            reference.at << QPointF(probe_->a * probe_->reference[2 * i], probe_->a * probe_->reference[2 * i + 1]);
            reference.radii << 1.0 + 9.0 * std::sqrt(probe_->weights[i] / maxW);
        }
        points << reference;
        const QPointF x(probe_->x[0], probe_->x[1]);
        const double s2 = probe_->s * probe_->s;
        auto target = [&](const std::array<double, 2>& v, QColor colour) {
            return PlaneCanvas::Arrows{{x}, {scaled(v, s2)}, colour, 2.5, true};
        };
        arrows << target(probe_->trueScore, Qt::white) << target(probe_->dsmTarget, QColor(214, 39, 40))
               << target(probe_->stfTarget, QColor(44, 160, 44));
        canvas_->setArrows(arrows);
    }
    canvas_->setPoints(points);
}

void PlaygroundView::showProbe(const ProbeResult& probe)
{
    probe_ = probe;
    double sum = 0.0;
    for (double w : probe.weights)
        sum += w;
    auto norm = [](const std::array<double, 2>& v) { return std::hypot(v[0], v[1]); };
    const std::array<double, 2> dsmError{probe.dsmTarget[0] - probe.trueScore[0], probe.dsmTarget[1] - probe.trueScore[1]};
    const std::array<double, 2> stfError{probe.stfTarget[0] - probe.trueScore[0], probe.stfTarget[1] - probe.trueScore[1]};
    probeLabel_->setText(
        tr("x = (%1, %2), t = %3<br><b>%4 field</b>: effective sample size %5 of n = %6, max weight %7, Σw = %8<br>"
           "<span style='color:#ffffff;background:#555'>&nbsp;white&nbsp;</span> true score ‖∇log p_t‖ = %9<br>"
           "<span style='color:#d62728'>red</span> DSM target, error %10<br>"
           "<span style='color:#2ca02c'>green</span> STF target, error %11<br>"
           "Arrows show s²·score: the step to the denoised point. Dots: the reference batch, area ∝ weight.")
            .arg(probe.x[0], 0, 'f', 2).arg(probe.x[1], 0, 'f', 2).arg(probe.t, 0, 'g', 3)
            .arg(QString::fromStdString(regimeName(probe.regime)))
            .arg(probe.ess, 0, 'f', 1).arg(probe.weights.size()).arg(probe.maxWeight, 0, 'f', 3).arg(sum, 0, 'f', 6)
            .arg(norm(probe.trueScore), 0, 'g', 3).arg(norm(dsmError), 0, 'g', 3).arg(norm(stfError), 0, 'g', 3));
    if (field_)
        showField(*field_);
}

void PlaygroundView::setPresentation(bool on)
{
    canvas_->setPresentation(on);
}

void PlaygroundView::setNote(const QString& html)
{
    note_->setText(html);
    note_->setVisible(!html.isEmpty());
}
