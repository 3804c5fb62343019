#include "widgets/live/SamplesView.h"

#include "widgets/live/PointCloudView.h"
#include "core/common/Threads.h"
#include "core/data/Dataset.h"
#include "core/run/PointsCsv.h"
#include "core/run/RunDirectory.h"
#include "core/train/TrainConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <stdexcept>
#include <QRegularExpression>
#include <QSlider>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include <cmath>
#include <utility>

using namespace scorescope;

namespace {
SamplesView::Listing listSnapshots(const QString& folder, bool image)
{
    const QRegularExpression name(image ? R"(^step-(\d+)\.png$)" : R"(^step-(\d+)\.csv$)");
    SamplesView::Listing listing{folder, {}};
    for (const auto& f : QDir(folder).entryList(QDir::Files, QDir::Name))  // zero-padded: by step
        if (const auto m = name.match(f); m.hasMatch())
            listing.steps.push_back(m.captured(1).toLongLong());
    return listing;
}
}  // namespace

SamplesView::SamplesView(QWidget* parent)
    : QWidget(parent), picture_(new QLabel), cloud_(new PointCloudView), slider_(new QSlider(Qt::Horizontal)),
      stepLabel_(new QLabel(tr("No snapshots yet")))
{
    picture_->setAlignment(Qt::AlignCenter);
    picture_->setMinimumSize(240, 240);
    slider_->setObjectName("snapshotSlider");
    slider_->setToolTip(tr("Step of the snapshot shown; every snapshot starts from the same noise"));
    slider_->setEnabled(false);
    cloud_->setObjectName("pointCloud");
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(picture_, 1);
    layout->addWidget(cloud_, 1);
    layout->addWidget(slider_);
    layout->addWidget(stepLabel_);
    cloud_->hide();
    connect(slider_, &QSlider::valueChanged, this, &SamplesView::show);
    connect(&listing_, &QFutureWatcher<Listing>::finished, this, &SamplesView::listed);
    connect(&density_, &QFutureWatcher<Density>::finished, this, &SamplesView::densityReady);
}

void SamplesView::setRun(const QString& dir, const QJsonObject& config)
{
    dir_ = dir;
    steps_.clear();
    listedModified_ = {};
    shown_ = -1;
    grid_ = {};
    picture_->clear();
    cloud_->setPoints({});
    image_ = isImageDatasetSpec(config.value("dataset").toString().toStdString());
    picture_->setVisible(image_);
    cloud_->setVisible(!image_);
    if (!image_)
        setTrueDensity(config);
    slider_->setEnabled(false);
    stepLabel_->setText(tr("No snapshots yet"));
    refresh();
}

void SamplesView::setTrueDensity(const QJsonObject& json)
{
    // Until the density is drawn (and for data without one: moons, spirals…) the frame comes from
    // the first snapshot's points.
    cloud_->setBackground(QRectF(-1, -1, 2, 2), {});
    frameFromPoints_ = true;
    const auto text = QJsonDocument(json).toJson().toStdString();
    const QString dir = dir_;
    // Reading the mixture and evaluating p_0 on the grid: LibTorch work, off the UI thread, and
    // serial there as on the UI thread (Threads.h: a second OpenMP team slows a training run).
    density_.setFuture(QtConcurrent::run([text, dir]() -> Density {
        keepThisThreadSerial();
        try {
            return {dir, runDensityFrame(trainConfigFromJson(nlohmann::json::parse(text), "config.json"), dir.toStdString())};
        } catch (const std::exception&) {
            return {dir, std::nullopt};  // no density to draw (the data is gone or unreadable): the points alone
        }
    }));
}

void SamplesView::densityReady()
{
    const auto density = density_.result();
    if (density.dir != dir_ || image_ || !density.frame)  // an earlier run's, or nothing to draw
        return;
    const auto& frame = density.frame;
    const auto& g = frame->grid;
    QImage image(g.cols, g.rows, QImage::Format_RGB32);
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) {
            const int shade = 255 - static_cast<int>(150 * std::sqrt(frame->relative[r * g.cols + c]));  // sqrt: the tails stay visible
            image.setPixel(c, r, qRgb(shade, shade, 255));
        }
    cloud_->setBackground(QRectF(g.xMin, g.yMin, g.xMax - g.xMin, g.yMax - g.yMin), image);
    frameFromPoints_ = false;
}

QString SamplesView::snapshotFolder() const { return QString::fromStdString(RunDirectory{dir_.toStdString()}.snapshots()); }

// An overnight run leaves thousands of snapshots, and listing 8 000 takes 40-100 ms: the listing
// runs off the UI thread, and only when the folder changed since the last one. Its modification
// time says so once it lies a second in the past; the file system's clock is coarse, and a file
// added within the same tick as a listing would otherwise go unseen.
void SamplesView::refresh()
{
    if (dir_.isEmpty())
        return;
    if (listing_.isRunning()) {
        relist_ = true;
        return;
    }
    const QString folder = snapshotFolder();
    const QDateTime modified = QFileInfo(folder).lastModified();
    if (modified.isValid() && modified == listedModified_)
        return;
    listedModified_ = modified.msecsTo(QDateTime::currentDateTime()) >= 1000 ? modified : QDateTime();
    listing_.setFuture(QtConcurrent::run(listSnapshots, folder, image_));
}

void SamplesView::listed()
{
    const Listing listing = listing_.result();
    if (listing.folder == snapshotFolder() && listing.steps != steps_) {  // not a listing of an earlier run's
        const bool followLatest = steps_.isEmpty() || slider_->value() == steps_.size() - 1;
        steps_ = listing.steps;
        slider_->setEnabled(!steps_.isEmpty());
        slider_->setRange(0, std::max<int>(0, steps_.size() - 1));
        if (followLatest && !steps_.isEmpty()) {
            if (slider_->value() == steps_.size() - 1)
                show(slider_->value());
            else
                slider_->setValue(steps_.size() - 1);
        }
    }
    if (std::exchange(relist_, false))
        refresh();
}

void SamplesView::show(int index)
{
    if (index < 0 || index >= steps_.size())
        return;
    shown_ = steps_[index];
    const RunDirectory run{dir_.toStdString()};
    const auto path = QString::fromStdString(run.snapshot(shown_, image_));
    stepLabel_->setText(tr("step %1 (snapshot %2 of %3)").arg(shown_).arg(index + 1).arg(steps_.size()));
    if (image_) {
        grid_ = QImage(path);
        picture_->setPixmap(QPixmap::fromImage(grid_).scaled(grid_.size() * 2, Qt::KeepAspectRatio, Qt::FastTransformation));
        return;
    }
    try {
        const auto x = readPointsCsv(path.toStdString());
        if (x.size(1) < 2)
            throw std::runtime_error(path.toStdString() + ": the points are not 2-D");
        const auto a = x.accessor<double, 2>();
        QVector<QPointF> points;
        for (int64_t i = 0; i < x.size(0); ++i)
            points.push_back({a[i][0], a[i][1]});
        if (frameFromPoints_ && !points.isEmpty()) {
            // By hand: Qt's union ignores the null (zero-size) rectangles single points make.
            double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
            for (const auto& p : points)
                x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x()), y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
            const double half = std::max(1e-6, 0.55 * std::max(x1 - x0, y1 - y0));
            const double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
            cloud_->setBackground(QRectF(cx - half, cy - half, 2 * half, 2 * half), {});
            frameFromPoints_ = false;
        }
        cloud_->setPoints(points);
    } catch (const std::exception& e) {
        stepLabel_->setText(QString::fromStdString(e.what()));
    }
}

QString SamplesView::toCsv() const
{
    QString csv;
    if (image_) {
        csv = "step,file\n";
        for (qint64 s : steps_)
            csv += QString("%1,%2\n").arg(s).arg(QString::fromStdString(RunDirectory{dir_.toStdString()}.snapshot(s, true)));
        return csv;
    }
    csv = "x,y\n";
    for (const auto& p : cloud_->points())
        csv += QString("%1,%2\n").arg(p.x(), 0, 'g', 10).arg(p.y(), 0, 'g', 10);
    return csv;
}
