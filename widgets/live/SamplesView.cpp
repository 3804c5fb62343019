#include "live/SamplesView.h"

#include "live/PointCloudView.h"
#include "data/Dataset.h"
#include "run/PointsCsv.h"
#include "run/RunDirectory.h"
#include "train/DataPaths.h"
#include "truth/MixtureTruth.h"

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
#include <torch/torch.h>

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
    // The frame: the mixture's means ± 3 of its largest standard deviation. Without a mixture
    // (moons, spirals…) the frame comes from the first snapshot's points instead.
    cloud_->setBackground(QRectF(-1, -1, 2, 2), {});
    frameFromPoints_ = true;
    try {
        // The mixture is read inside the run only (DataPaths.h); one outside it leaves the frame to the points.
        const auto config = confinedToRun(
            trainConfigFromJson(nlohmann::json::parse(QJsonDocument(json).toJson().toStdString()), "config.json"),
            dir_.toStdString(), (dir_ + "/config.json").toStdString());
        const auto data = loadDataset(config.dataset, config.images);
        const auto* mixture = data->mixture();
        if (!mixture || mixture->dim() != 2)
            return;
        const double spread = 3.0 * std::sqrt(torch::linalg_eigvalsh(mixture->covariances, "L").max().item<double>());
        const double x0 = mixture->means.select(1, 0).min().item<double>() - spread,
                     x1 = mixture->means.select(1, 0).max().item<double>() + spread,
                     y0 = mixture->means.select(1, 1).min().item<double>() - spread,
                     y1 = mixture->means.select(1, 1).max().item<double>() + spread;
        const double half = 0.5 * std::max(x1 - x0, y1 - y0), cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
        const QRectF frame(cx - half, cy - half, 2 * half, 2 * half);
        const int n = 160;
        const auto u = torch::linspace(0.0, 1.0, n, torch::kDouble);
        const auto xs = frame.left() + u * frame.width(), ys = frame.bottom() - u * frame.height();  // top row: largest y
        const auto grid = torch::stack(torch::meshgrid({ys, xs}, "ij"), -1).flip(-1).reshape({-1, 2});
        const MixtureTruth truth(*mixture, torch::ones({}, torch::kDouble), torch::zeros({}, torch::kDouble));
        const auto density = truth.logDensity(grid).exp();
        const auto shade = (density / density.max()).contiguous();
        QImage image(n, n, QImage::Format_RGB32);
        const auto* d = shade.data_ptr<double>();
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c) {
                const int g = 255 - static_cast<int>(150 * std::sqrt(d[r * n + c]));  // sqrt: the tails stay visible
                image.setPixel(c, r, qRgb(g, g, 255));
            }
        cloud_->setBackground(frame, image);
        frameFromPoints_ = false;
    } catch (const std::exception&) {
        // No density to draw (the data set is gone or unreadable): the points alone.
    }
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
