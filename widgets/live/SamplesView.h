#pragma once
#include "core/truth/DensityFrame.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QString>
#include <QVector>
#include <QWidget>

class PointCloudView;
class QLabel;
class QSlider;

// The sample snapshots a run takes while it trains (RunDirectory::snapshot): a step slider pages
// back through them; image data shows the grid (same seed per cell at every step), toy data the
// points over the true density of its mixture. The slider follows the newest snapshot until it
// is moved back.
class SamplesView : public QWidget {
    Q_OBJECT
public:
    explicit SamplesView(QWidget* parent = nullptr);

    void setRun(const QString& dir, const QJsonObject& config);
    void refresh();  // looks for new snapshots, off the UI thread

    int snapshotCount() const { return static_cast<int>(steps_.size()); }
    qint64 shownStep() const { return shown_; }
    QSlider* slider() const { return slider_; }
    PointCloudView* pointCloud() const { return cloud_; }
    const QImage& grid() const { return grid_; }
    QString toCsv() const;  // toy: the points shown; images: step and file of every snapshot

    struct Listing {
        QString folder;
        QVector<qint64> steps;  // ascending
    };
    struct Density {
        QString dir;  // the run it was computed for
        std::optional<scorescope::DensityFrame> frame;
    };

private:
    void listed();  // a listing of the snapshot folder finished
    QString snapshotFolder() const;
    void show(int index);
    void setTrueDensity(const QJsonObject& config);  // computed off the UI thread, then densityReady
    void densityReady();
    QString dir_;
    bool image_ = false;
    bool frameFromPoints_ = false;  // no mixture to frame the points: the first snapshot does
    QVector<qint64> steps_;
    QFutureWatcher<Listing> listing_;
    QFutureWatcher<Density> density_;
    bool relist_ = false;        // refresh() was asked for while a listing ran
    QDateTime listedModified_;   // the folder's modification time that the last listing saw
    qint64 shown_ = -1;
    QImage grid_;
    QLabel* picture_;
    PointCloudView* cloud_;
    QSlider* slider_;
    QLabel* stepLabel_;
};
