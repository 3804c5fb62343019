#pragma once
#include "core/playground/PlanarMixture.h"

#include <QMainWindow>

class PlaygroundView;
class PlaygroundWorker;
class QAction;
class QComboBox;
class QTabWidget;
class QThread;
class StepThroughView;

// The interactive and teaching window: the toy playground and step-through sampling as two tabs
// over one mixture, one SDE and the runs opened for their models; guided lessons and a
// presentation mode for a projector. Its worker thread does all the computing.
class PlaygroundWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit PlaygroundWindow(QWidget* parent = nullptr);
    ~PlaygroundWindow() override;

    void setMixture(const scorescope::PlanarMixture& mixture);
    bool loadMixture(const QString& path, QString* error);
    bool saveMixture(const QString& path, QString* error) const;
    void setSde(const QString& kind);
    void openRun(const QString& dir);
    bool applyLesson(const QString& id);
    void setPresentation(bool on);
    void showStepThrough(bool on);

    PlaygroundWorker* worker() const { return worker_; }
    PlaygroundView* playground() const { return playground_; }
    StepThroughView* stepThrough() const { return stepThrough_; }

private:
    void choosePreset(const QString& name);

    QThread* thread_;
    PlaygroundWorker* worker_;
    PlaygroundView* playground_;
    StepThroughView* stepThrough_;
    QTabWidget* tabs_;
    QComboBox *presets_, *sdes_, *lessons_;
    QAction* presentation_;
    QFont baseFont_;
};
