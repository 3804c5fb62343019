#include "widgets/analysis/CsvTable.h"

#include <QFile>
#include <QObject>
#include <QTextStream>

#include <cmath>

CsvTable CsvTable::read(const QString& path, QString* error)
{
    CsvTable table;
    table.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QObject::tr("%1: cannot open (%2)").arg(path, file.errorString());
        return {};
    }
    QTextStream in(&file);
    table.header = in.readLine().trimmed().split(',');
    if (table.header.size() < 2) {
        *error = QObject::tr("%1: line 1 is not a CSV header").arg(path);
        return {};
    }
    int line = 1;
    while (!in.atEnd()) {
        ++line;
        const QString l = in.readLine().trimmed();
        if (l.isEmpty())
            continue;
        const auto cells = l.split(',');
        if (cells.size() != table.header.size()) {
            *error = QObject::tr("%1: line %2 has %3 cells, the header %4").arg(path).arg(line).arg(cells.size()).arg(table.header.size());
            return {};
        }
        table.cells_.push_back(cells);
    }
    return table;
}

QVector<double> CsvTable::numbers(const QString& column) const
{
    const int c = header.indexOf(column);
    QVector<double> out;
    for (const auto& row : cells_) {
        bool ok = false;
        const double v = c >= 0 ? row[c].toDouble(&ok) : NAN;
        out.push_back(ok ? v : NAN);
    }
    return out;
}

QStringList CsvTable::text(const QString& column) const
{
    const int c = header.indexOf(column);
    QStringList out;
    for (const auto& row : cells_)
        out.push_back(c >= 0 ? row[c] : QString());
    return out;
}
