#include "widgets/charts/ChartPanel.h"

#include <QAction>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolBar>
#include <QVBoxLayout>

ChartPanel::ChartPanel(QWidget* view, std::function<QString()> csv, QWidget* parent)
    : QWidget(parent), view_(view), csv_(std::move(csv)), toolBar_(new QToolBar)
{
    toolBar_->setIconSize(QSize(14, 14));
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [&](const QString& text, const QString& tip, const QString& filter, bool (ChartPanel::*write)(const QString&) const) {
        auto* a = toolBar_->addAction(text, this, [=] { chooseAndExport(filter, write); });
        a->setToolTip(tip);
    };
    add(tr("PNG"), tr("Save this panel as a PNG image"), tr("PNG image (*.png)"), &ChartPanel::exportPng);
    add(tr("SVG"), tr("Save this panel as an SVG drawing"), tr("SVG drawing (*.svg)"), &ChartPanel::exportSvg);
    add(tr("CSV"), tr("Save the numbers this panel plots as CSV"), tr("CSV table (*.csv)"), &ChartPanel::exportCsv);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar_);
    layout->addWidget(view_, 1);
}

void ChartPanel::chooseAndExport(const QString& filter, bool (ChartPanel::*write)(const QString&) const)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), {}, filter);
    if (!path.isEmpty() && !(this->*write)(path))
        QMessageBox::warning(this, tr("Export"), tr("Could not write %1").arg(path));
}

bool ChartPanel::exportPng(const QString& path) const
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && view_->grab().save(&file, "PNG") && file.commit();
}

bool ChartPanel::exportSvg(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(view_->size());
    svg.setViewBox(QRect(QPoint(0, 0), view_->size()));
    svg.setTitle(view_->objectName());
    {
        QPainter painter(&svg);
        view_->render(&painter);
    }
    return file.commit();
}

bool ChartPanel::exportCsv(const QString& path) const
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(csv_().toUtf8()) >= 0 && file.commit();
}
