#include "widgets/playground/PlaygroundWindow.h"

#include "core/common/Error.h"
#include "core/data/MixtureJson.h"
#include "widgets/playground/Lessons.h"
#include "widgets/playground/MixtureCanvas.h"
#include "widgets/playground/PlaygroundView.h"
#include "widgets/playground/PlaygroundWorker.h"
#include "widgets/playground/StepThroughView.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QToolBar>

using namespace scorescope;

PlaygroundWindow::PlaygroundWindow(QWidget* parent)
    : QMainWindow(parent), thread_(new QThread(this)), worker_(new PlaygroundWorker), tabs_(new QTabWidget),
      presets_(new QComboBox), sdes_(new QComboBox), lessons_(new QComboBox)
{
    setObjectName("playgroundWindow");
    setWindowTitle(tr("Scorescope — Playground"));
    baseFont_ = font();
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_->start();
    playground_ = new PlaygroundView(worker_);
    stepThrough_ = new StepThroughView(worker_);
    tabs_->setObjectName("playgroundTabs");
    tabs_->addTab(playground_, tr("Playground"));
    tabs_->addTab(stepThrough_, tr("Step-through sampling"));
    setCentralWidget(tabs_);

    auto* bar = addToolBar(tr("Playground"));
    bar->setObjectName("playgroundToolBar");
    presets_->setObjectName("presetCombo");
    for (const auto& name : planarPresetNames())
        presets_->addItem(QString::fromStdString(name));
    // Teaching mixtures, kept as mixture JSON (resources/presets; installed for scorescope-cli too).
    for (const auto& file : QDir(":/presets").entryList({"*.json"}, QDir::Files, QDir::Name))
        presets_->addItem(QFileInfo(file).completeBaseName());
    presets_->setToolTip(tr("Start from a preset mixture"));
    connect(presets_, &QComboBox::textActivated, this, &PlaygroundWindow::choosePreset);
    bar->addWidget(new QLabel(tr(" Preset ")));
    bar->addWidget(presets_);
    auto* load = bar->addAction(tr("Load…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load a mixture"), {}, tr("Mixture JSON (*.json)"));
        QString error;
        if (!path.isEmpty() && !loadMixture(path, &error))
            QMessageBox::warning(this, tr("Load a mixture"), error);
    });
    load->setObjectName("actionLoadMixture");
    auto* save = bar->addAction(tr("Save…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the mixture"), "mixture.json", tr("Mixture JSON (*.json)"));
        QString error;
        if (!path.isEmpty() && !saveMixture(path, &error))
            QMessageBox::warning(this, tr("Save the mixture"), error);
    });
    save->setObjectName("actionSaveMixture");
    save->setToolTip(tr("Save as the mixture JSON that scorescope-cli train --dataset reads"));
    bar->addSeparator();
    sdes_->setObjectName("sdeCombo");
    for (const auto& [kind, label] : {std::pair{"vp", "VP"}, {"subvp", "sub-VP"}, {"ve", "VE"}, {"edm", "EDM"}})
        sdes_->addItem(label, kind);
    connect(sdes_, &QComboBox::activated, this, [this] { setSde(sdes_->currentData().toString()); });
    bar->addWidget(new QLabel(tr(" SDE ")));
    bar->addWidget(sdes_);
    auto* openRunAction = bar->addAction(tr("Open run…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a trained run for its score"));
        if (!dir.isEmpty())
            openRun(dir);
    });
    openRunAction->setObjectName("actionOpenRun");
    openRunAction->setToolTip(tr("Use a trained run's model as the score (its SDE and, for mixtures, its data)"));
    bar->addSeparator();
    lessons_->setObjectName("lessonCombo");
    lessons_->addItem(tr("Lessons…"), QString());
    for (const auto& lesson : lessons())
        lessons_->addItem(lesson.title, lesson.id);
    connect(lessons_, &QComboBox::activated, this, [this] { applyLesson(lessons_->currentData().toString()); });
    bar->addWidget(lessons_);
    presentation_ = bar->addAction(tr("Presentation"), this, &PlaygroundWindow::setPresentation);
    presentation_->setObjectName("actionPresentation");
    presentation_->setCheckable(true);
    presentation_->setToolTip(tr("Large text and thick lines for a projector"));

    connect(playground_, &PlaygroundView::mixtureChanged, stepThrough_, &StepThroughView::setMixture);
    connect(worker_, &PlaygroundWorker::failed, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(worker_, &PlaygroundWorker::runLoaded, this, [this](int index) {
        const RunInfo run = worker_->loadedRun(index);
        statusBar()->showMessage(tr("Opened %1").arg(run.label), 5000);
        if (run.hasMixture)
            setMixture(run.mixture);
        playground_->setRun(run.index);
    });
    connect(worker_, &PlaygroundWorker::sdeChanged, this, [this] {
        const QSignalBlocker block(sdes_);
        sdes_->setCurrentIndex(std::max(0, sdes_->findText(worker_->sde().name, Qt::MatchFixedString)));
    });
    choosePreset(presets_->currentText());
    resize(1180, 760);
}

PlaygroundWindow::~PlaygroundWindow()
{
    worker_->release();
    thread_->quit();
    thread_->wait();
}

void PlaygroundWindow::choosePreset(const QString& name)
{
    try {
        QFile resource(":/presets/" + name + ".json");
        if (resource.open(QIODevice::ReadOnly)) {
            const auto origin = resource.fileName().toStdString();
            setMixture(toPlanarMixture(parseMixtureJson(resource.readAll().toStdString(), origin), origin));
            return;
        }
        setMixture(planarPreset(name.toStdString()));
    } catch (const Error& e) {
        statusBar()->showMessage(QString::fromUtf8(e.what()), 8000);
    }
}

void PlaygroundWindow::setMixture(const PlanarMixture& mixture)
{
    playground_->setMixture(mixture);
    stepThrough_->setMixture(mixture);
}

bool PlaygroundWindow::loadMixture(const QString& path, QString* error)
{
    try {
        setMixture(readPlanarMixture(path.toStdString()));
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool PlaygroundWindow::saveMixture(const QString& path, QString* error) const
{
    try {
        writePlanarMixture(playground_->mixture(), path.toStdString());
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

void PlaygroundWindow::setSde(const QString& kind)
{
    const QSignalBlocker block(sdes_);
    sdes_->setCurrentIndex(std::max(0, sdes_->findData(kind)));
    worker_->setSde(kind);
    stepThrough_->restart();
}

void PlaygroundWindow::openRun(const QString& dir) { worker_->loadRun(dir); }

bool PlaygroundWindow::applyLesson(const QString& id)
{
    const Lesson* lesson = findLesson(id);
    if (!lesson)
        return false;
    {
        const QSignalBlocker block(presets_);
        presets_->setCurrentText(lesson->preset);
    }
    setSde(lesson->sde);
    choosePreset(lesson->preset);
    playground_->setNote(lesson->text);
    stepThrough_->setNote(lesson->stepThrough ? lesson->text : QString());
    playground_->findChild<QCheckBox*>("showRegimes")->setChecked(lesson->regimes);
    playground_->setTime(lesson->t);
    if (lesson->probe) {
        playground_->canvas()->setMode(MixtureCanvas::Mode::Probe);
        playground_->findChild<QAbstractButton*>("modeProbe")->setChecked(true);
        playground_->probe({lesson->probeX, lesson->probeY});
    }
    if (lesson->stepThrough) {
        stepThrough_->setSide(0, "em", -1);
        stepThrough_->setSide(1, "ode-heun", -1);
    }
    showStepThrough(lesson->stepThrough);
    return true;
}

void PlaygroundWindow::setPresentation(bool on)
{
    {
        const QSignalBlocker block(presentation_);
        presentation_->setChecked(on);
    }
    QFont f = baseFont_;
    if (on)
        f.setPointSizeF(baseFont_.pointSizeF() * 1.6);
    setFont(f);
    playground_->setPresentation(on);
    stepThrough_->setPresentation(on);
}

void PlaygroundWindow::showStepThrough(bool on) { tabs_->setCurrentWidget(on ? static_cast<QWidget*>(stepThrough_) : playground_); }
