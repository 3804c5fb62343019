#pragma once
#include <QWidget>

#include <functional>

class QToolBar;

// A live panel: its view under a small toolbar that exports the view as PNG or SVG and its
// data as CSV. Views may add their own toggles to toolBar().
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    ChartPanel(QWidget* view, std::function<QString()> csv, QWidget* parent = nullptr);

    QToolBar* toolBar() const { return toolBar_; }
    QWidget* view() const { return view_; }

    // Return false (and leave no partial file) when the file cannot be written.
    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;
    bool exportCsv(const QString& path) const;

private:
    void chooseAndExport(const QString& filter, bool (ChartPanel::*write)(const QString&) const);
    QWidget* view_;
    std::function<QString()> csv_;
    QToolBar* toolBar_;
};
