#pragma once
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QVector>
#include <QWidget>

// 2-D samples as dots over a shaded density (the true one of a mixture, when there is one), in a
// fixed frame so that successive snapshots of a run can be compared point by point.
class PointCloudView : public QWidget {
    Q_OBJECT
public:
    explicit PointCloudView(QWidget* parent = nullptr);

    // The frame, and the density as an image whose rows run from the frame's top (largest y) down.
    void setBackground(const QRectF& frame, const QImage& density);
    void setPoints(const QVector<QPointF>& points);
    const QVector<QPointF>& points() const { return points_; }
    QRectF frame() const { return frame_; }

    QSize sizeHint() const override { return {360, 360}; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QRectF frame_{-1, -1, 2, 2};
    QImage density_;
    QVector<QPointF> points_;
};
