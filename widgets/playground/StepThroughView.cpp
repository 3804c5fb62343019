#include "widgets/playground/StepThroughView.h"

#include "widgets/playground/PlaneCanvas.h"
#include "widgets/playground/PlaygroundView.h"
#include "widgets/playground/PlaygroundWorker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

using namespace scorescope;

namespace {
// Trails, arrows and denoised marks for this many particles: enough to see the flow, few enough to read.
constexpr int markedParticles = 250;
const QStringList samplerList{"em", "pc", "ode-euler", "ode-heun", "ode-rk45", "edm-heun"};
const QStringList samplerLabels{"Euler–Maruyama", "Predictor–corrector", "PF-ODE Euler", "PF-ODE Heun", "PF-ODE RK45",
                                "EDM Heun"};

QVector<QPointF> pointsOf(const std::vector<float>& xy, int limit)
{
    QVector<QPointF> out;
    const int n = std::min<int>(limit, static_cast<int>(xy.size() / 2));
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out << QPointF(xy[2 * i], xy[2 * i + 1]);
    return out;
}
} // namespace

StepThroughView::StepThroughView(PlaygroundWorker* worker, QWidget* parent)
    : QWidget(parent), worker_(worker), steps_(new QSpinBox), particles_(new QSpinBox), seed_(new QSpinBox),
      speed_(new QSpinBox), back_(new QToolButton), forward_(new QToolButton), play_(new QToolButton),
      restart_(new QToolButton), jump_(new QSlider(Qt::Horizontal)), stepLabel_(new QLabel),
      trails_(new QCheckBox(tr("Trails"))), arrows_(new QCheckBox(tr("Score arrows"))),
      denoised_(new QCheckBox(tr("Denoised estimates"))), note_(new QLabel), playTimer_(new QTimer(this))
{
    setObjectName("stepThroughView");
    auto* grid = new QGridLayout;
    for (int side = 0; side < 2; ++side) {
        const QString suffix = side == 0 ? "A" : "B";
        samplers_[side] = new QComboBox;
        samplers_[side]->setObjectName("sampler" + suffix);
        for (int i = 0; i < samplerList.size(); ++i)
            samplers_[side]->addItem(samplerLabels[i], samplerList[i]);
        samplers_[side]->setCurrentIndex(side == 0 ? 0 : 3);
        scores_[side] = new QComboBox;
        scores_[side]->setObjectName("score" + suffix);
        scores_[side]->addItem(tr("Closed form"), -1);
        scores_[side]->setToolTip(tr("The score the sampler follows: the mixture's exact one, or a trained run's "
                                     "(open runs in the toolbar)"));
        canvases_[side] = new PlaneCanvas;
        canvases_[side]->setObjectName("traceCanvas" + suffix);
        stats_[side] = new QLabel;
        stats_[side]->setObjectName("stats" + suffix);
        auto* head = new QHBoxLayout;
        head->addWidget(new QLabel(suffix + ":"));
        head->addWidget(samplers_[side], 1);
        head->addWidget(scores_[side], 1);
        grid->addLayout(head, 0, side);
        grid->addWidget(canvases_[side], 1, side);
        grid->addWidget(stats_[side], 2, side);
        for (auto* combo : {samplers_[side], scores_[side]})
            connect(combo, &QComboBox::currentIndexChanged, this, &StepThroughView::restart);
    }
    grid->setRowStretch(1, 1);

    steps_->setObjectName("stepsSpin");
    steps_->setRange(2, 2000);
    steps_->setValue(100);
    steps_->setToolTip(tr("Time steps from T to ε (the adaptive RK45 chooses its own)"));
    particles_->setObjectName("particlesSpin");
    particles_->setRange(10, 20000);
    particles_->setSingleStep(100);
    particles_->setValue(2000);
    seed_->setObjectName("seedSpin");
    seed_->setRange(0, 1000000);
    seed_->setToolTip(tr("Both sides start from the same x_T and draw the same noise"));
    speed_->setObjectName("speedSpin");
    speed_->setRange(1, 60);
    speed_->setValue(20);
    speed_->setSuffix(tr(" steps/s"));
    for (auto* spin : {steps_, particles_, seed_})
        connect(spin, &QSpinBox::editingFinished, this, &StepThroughView::restart);
    restart_->setObjectName("restartButton");
    restart_->setText(tr("Restart"));
    back_->setObjectName("backButton");
    back_->setText(tr("◀ Back"));
    forward_->setObjectName("stepButton");
    forward_->setText(tr("Step ▶"));
    play_->setObjectName("playTraceButton");
    play_->setText(tr("Play"));
    play_->setCheckable(true);
    jump_->setObjectName("jumpSlider");
    jump_->setToolTip(tr("Jump to a step"));
    stepLabel_->setObjectName("traceStepLabel");
    connect(restart_, &QToolButton::clicked, this, &StepThroughView::restart);
    connect(back_, &QToolButton::clicked, this, [this] { step(-1); });
    connect(forward_, &QToolButton::clicked, this, [this] { step(1); });
    connect(play_, &QToolButton::toggled, this, [this](bool on) {
        playTimer_->setInterval(1000 / speed_->value());
        on ? playTimer_->start() : playTimer_->stop();
    });
    connect(speed_, &QSpinBox::valueChanged, this, [this](int v) { playTimer_->setInterval(1000 / v); });
    connect(playTimer_, &QTimer::timeout, this, &StepThroughView::tick);
    connect(jump_, &QSlider::sliderReleased, this, [this] { jumpTo(jump_->value()); });
    for (auto* box : {trails_, arrows_, denoised_}) {
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this] { show(last_); });
    }
    trails_->setObjectName("showTrails");
    arrows_->setObjectName("showTraceArrows");
    denoised_->setObjectName("showDenoised");

    auto* controls = new QHBoxLayout;
    auto label = [](const QString& text) { return new QLabel(text); };
    controls->addWidget(label(tr("Steps")));
    controls->addWidget(steps_);
    controls->addWidget(label(tr("Particles")));
    controls->addWidget(particles_);
    controls->addWidget(label(tr("Seed")));
    controls->addWidget(seed_);
    controls->addWidget(restart_);
    controls->addSpacing(12);
    controls->addWidget(back_);
    controls->addWidget(forward_);
    controls->addWidget(play_);
    controls->addWidget(speed_);
    controls->addWidget(jump_, 1);
    controls->addWidget(stepLabel_);
    auto* shows = new QHBoxLayout;
    for (auto* box : {trails_, arrows_, denoised_})
        shows->addWidget(box);
    shows->addStretch();
    note_->setObjectName("traceNote");
    note_->setWordWrap(true);
    note_->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(shows);
    layout->addLayout(grid, 1);
    layout->addWidget(note_);

    connect(worker_, &PlaygroundWorker::tracesReady, this, [this] {
        if (auto sides = worker_->takeTraces())
            show(*sides);
    });
    connect(worker_, &PlaygroundWorker::runLoaded, this, [this](int index) { addRun(worker_->loadedRun(index)); });
    connect(worker_, &PlaygroundWorker::failed, this, [this] { waiting_ = false; });
}

void StepThroughView::setMixture(const PlanarMixture& mixture)
{
    mixture_ = mixture;
    restart();
}

void StepThroughView::setSide(int side, const QString& sampler, int run)
{
    const QSignalBlocker a(samplers_[side]), b(scores_[side]);
    samplers_[side]->setCurrentIndex(samplers_[side]->findData(sampler));
    scores_[side]->setCurrentIndex(std::max(0, scores_[side]->findData(run)));
    restart();
}

void StepThroughView::addRun(const RunInfo& run)
{
    for (auto* combo : scores_) {
        const QSignalBlocker block(combo);
        combo->addItem(run.label, run.index);
    }
}

void StepThroughView::restart()
{
    if (mixture_.components.empty())
        return;
    TraceSetup sides[2];
    for (int side = 0; side < 2; ++side) {
        sides[side].options.sampler = samplers_[side]->currentData().toString().toStdString();
        sides[side].options.steps = steps_->value();
        sides[side].options.particles = particles_->value();
        sides[side].options.seed = static_cast<uint64_t>(seed_->value());
        sides[side].run = scores_[side]->currentData().toInt();
    }
    const QRectF f = canvases_[0]->frame();
    worker_->setupTraces(mixture_, {f.left(), f.right(), f.top(), f.bottom(), 96, 96}, sides[0], sides[1], 8);
    waiting_ = true;
}

void StepThroughView::step(int delta)
{
    worker_->moveTraces(delta);
    waiting_ = true;
}

void StepThroughView::jumpTo(int step)
{
    worker_->jumpTraces(step);
    waiting_ = true;
}

void StepThroughView::tick()
{
    if (waiting_)
        return;  // the worker has not caught up: play no faster than it computes
    if (!last_.isEmpty() && std::all_of(last_.begin(), last_.end(), [](const TraceView& v) { return v.atEnd; })) {
        play_->setChecked(false);
        return;
    }
    step(1);
}

void StepThroughView::show(const QVector<TraceView>& sides)
{
    last_ = sides;
    waiting_ = false;
    ++framesReceived_;
    int64_t position = 0, total = steps_->value();
    for (int side = 0; side < std::min<int>(2, sides.size()); ++side) {
        const auto& v = sides[side];
        auto* canvas = canvases_[side];
        position = std::max(position, v.frame.step);
        if (v.totalSteps > 0)
            total = std::max<int64_t>(total, v.totalSteps);
        scorescope::FieldSnapshot density;
        density.densityGrid = v.densityGrid;
        density.logDensity = v.logDensity;
        canvas->setBackground(v.logDensity.empty() ? QImage() : PlaygroundView::densityImage(density));
        QVector<PlaneCanvas::Points> points{{pointsOf(v.frame.x, INT_MAX), QColor(214, 39, 40, 160), 1.3, {}, false}};
        QVector<PlaneCanvas::Arrows> arrows;
        const auto marked = pointsOf(v.frame.x, markedParticles);
        if (!v.frame.denoised.empty()) {
            const auto denoised = pointsOf(v.frame.denoised, markedParticles);
            if (denoised_->isChecked())
                points << PlaneCanvas::Points{denoised, QColor(255, 255, 255), 2.5, {}, true};
            if (arrows_->isChecked()) {
                // s²·score = a·D − x: the step each particle's score points to, in data units.
                PlaneCanvas::Arrows layer{{}, {}, QColor(255, 255, 255, 200), 1.0, true};
                for (int i = 0; i < marked.size(); ++i) {
                    layer.from << marked[i];
                    layer.delta << v.a * denoised[i] - marked[i];
                }
                arrows << layer;
            }
        }
        QVector<QPolygonF> trails;
        if (trails_->isChecked() && !v.trail.isEmpty()) {
            trails.resize(marked.size());
            for (const auto& past : v.trail) {
                const auto at = pointsOf(past, markedParticles);
                for (int i = 0; i < at.size(); ++i)
                    trails[i] << at[i];
            }
            for (int i = 0; i < marked.size(); ++i)
                trails[i] << marked[i];
        }
        canvas->setTrails(trails, QColor(255, 200, 200, 150));
        canvas->setArrows(arrows);
        canvas->setPoints(points);
        canvas->setCaption(QStringLiteral("%1").arg(v.sampler));
        stats_[side]->setText(tr("step %1   t = %2   NFE %3   energy distance to p_0: %4")
                                  .arg(v.frame.step)
                                  .arg(v.frame.t, 0, 'g', 3)
                                  .arg(v.frame.nfe)
                                  .arg(v.frame.energyDistance, 0, 'f', 4));
    }
    const QSignalBlocker block(jump_);
    jump_->setRange(0, static_cast<int>(total));
    jump_->setValue(static_cast<int>(position));
    stepLabel_->setText(tr("%1 / %2").arg(position).arg(total));
}

void StepThroughView::setPresentation(bool on)
{
    for (auto* canvas : canvases_)
        canvas->setPresentation(on);
}

void StepThroughView::setNote(const QString& html)
{
    note_->setText(html);
    note_->setVisible(!html.isEmpty());
}
