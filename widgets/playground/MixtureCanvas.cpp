#include "widgets/playground/MixtureCanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

using scorescope::PlanarComponent;

MixtureCanvas::MixtureCanvas(QWidget* parent) : PlaneCanvas(parent)
{
    setFocusPolicy(Qt::ClickFocus);
    setMouseTracking(false);
}

void MixtureCanvas::setMixture(const scorescope::PlanarMixture& mixture)
{
    mixture_ = mixture;
    if (selected_ >= static_cast<int>(mixture_.components.size()))
        selected_ = -1;
    update();
}

void MixtureCanvas::setProbe(const QPointF& at, bool shown)
{
    probe_ = at;
    probeShown_ = shown;
    update();
}

void MixtureCanvas::paintMarks(QPainter& p)
{
    const double ppu = pixelsPerUnit();
    for (int k = 0; k < static_cast<int>(mixture_.components.size()); ++k) {
        const auto& c = mixture_.components[k];
        // Principal axes of the covariance: the 1σ and 2σ ellipses.
        const double tr = c.cxx + c.cyy, det = c.cxx * c.cyy - c.cxy * c.cxy;
        const double disc = std::sqrt(std::max(0.0, tr * tr / 4.0 - det));
        const double l1 = tr / 2.0 + disc, l2 = std::max(1e-12, tr / 2.0 - disc);
        // The major axis is the eigenvector (cxy, l1 − cxx); y points up in data, down on screen.
        const double angle = c.cxy == 0.0 ? (c.cxx >= c.cyy ? 0.0 : 90.0) : std::atan2(l1 - c.cxx, c.cxy) * 180.0 / M_PI;
        const QPointF centre = toPixel({c.mx, c.my});
        p.save();
        p.translate(centre);
        p.rotate(-angle);
        const QColor colour = k == selected_ ? QColor(255, 127, 14) : QColor(255, 255, 255, 200);
        for (double n : {1.0, 2.0}) {
            p.setPen(QPen(colour, (n == 1.0 ? 1.2 : 0.6) * scale(), n == 1.0 ? Qt::SolidLine : Qt::DashLine));
            p.drawEllipse(QPointF(0, 0), n * std::sqrt(l1) * ppu, n * std::sqrt(l2) * ppu);
        }
        p.restore();
        p.setPen(QPen(Qt::black, scale()));
        p.setBrush(colour);
        p.drawEllipse(centre, 3.5 * scale(), 3.5 * scale());
        p.setBrush(Qt::NoBrush);
    }
    if (probeShown_) {
        const QPointF c = toPixel(probe_);
        p.setPen(QPen(Qt::black, 2.0 * scale()));
        const double r = 6.0 * scale();
        p.drawLine(c - QPointF(r, 0), c + QPointF(r, 0));
        p.drawLine(c - QPointF(0, r), c + QPointF(0, r));
    }
}

int MixtureCanvas::componentAt(const QPointF& pixel) const
{
    int best = -1;
    double bestDistance = 10.0 * scale();  // pixels: a handle is easy to grab
    for (int k = 0; k < static_cast<int>(mixture_.components.size()); ++k) {
        const auto& c = mixture_.components[k];
        const QPointF d = toPixel({c.mx, c.my}) - pixel;
        const double distance = std::hypot(d.x(), d.y());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = k;
        }
    }
    return best;
}

void MixtureCanvas::addComponent(const QPointF& data, double std)
{
    PlanarComponent c;
    c.mx = data.x();
    c.my = data.y();
    c.cxx = c.cyy = std * std;
    mixture_.components.push_back(c);
    selected_ = static_cast<int>(mixture_.components.size()) - 1;
}

void MixtureCanvas::removeComponent(int index)
{
    if (index < 0 || mixture_.components.size() <= 1)
        return;  // a mixture keeps at least one component
    mixture_.components.erase(mixture_.components.begin() + index);
    selected_ = -1;
    edited();
}

void MixtureCanvas::edited()
{
    update();
    Q_EMIT mixtureEdited(mixture_);
}

void MixtureCanvas::mousePressEvent(QMouseEvent* e)
{
    const QPointF data = toData(e->position());
    switch (mode_) {
    case Mode::Probe:
        if (e->button() == Qt::LeftButton)
            Q_EMIT probeRequested(data);
        return;
    case Mode::Spray:
        if (e->button() == Qt::LeftButton) {
            addComponent(data, sprayStd);
            lastSpray_ = data;
            dragging_ = true;
            edited();
        }
        return;
    case Mode::Edit:
        break;
    }
    const int hit = componentAt(e->position());
    if (e->button() == Qt::RightButton) {
        removeComponent(hit);
        return;
    }
    if (e->button() != Qt::LeftButton)
        return;
    if (hit >= 0) {
        selected_ = hit;
        update();
    } else {
        addComponent(data, newComponentStd);
        edited();
    }
    dragging_ = true;
}

void MixtureCanvas::mouseMoveEvent(QMouseEvent* e)
{
    if (!dragging_)
        return;
    const QPointF data = toData(e->position());
    if (mode_ == Mode::Spray) {
        // One component per sprayStd of travel: a stroke becomes a chain of narrow Gaussians.
        const QPointF d = data - lastSpray_;
        if (std::hypot(d.x(), d.y()) >= sprayStd) {
            addComponent(data, sprayStd);
            lastSpray_ = data;
            edited();
        }
        return;
    }
    if (mode_ == Mode::Edit && selected_ >= 0) {
        mixture_.components[selected_].mx = data.x();
        mixture_.components[selected_].my = data.y();
        edited();
    }
}

void MixtureCanvas::mouseReleaseEvent(QMouseEvent*) { dragging_ = false; }

void MixtureCanvas::wheelEvent(QWheelEvent* e)
{
    if (mode_ != Mode::Edit)
        return;
    int k = componentAt(e->position());
    if (k < 0)
        k = selected_;
    if (k < 0)
        return;
    // Each notch scales the component's standard deviations by 1.15.
    const double factor = std::pow(1.15, 2.0 * e->angleDelta().y() / 120.0);
    auto& c = mixture_.components[k];
    c.cxx *= factor;
    c.cxy *= factor;
    c.cyy *= factor;
    selected_ = k;
    edited();
    e->accept();
}

void MixtureCanvas::keyPressEvent(QKeyEvent* e)
{
    if ((e->key() == Qt::Key_Delete || e->key() == Qt::Key_Backspace) && mode_ == Mode::Edit)
        removeComponent(selected_);
    else
        PlaneCanvas::keyPressEvent(e);
}
