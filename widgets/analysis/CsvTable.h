#pragma once
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

// A CSV written by `scorescope-cli analyze …`: a header line, then rows. Numeric cells are kept
// as numbers (empty ones as NaN), every cell also as text.
class CsvTable {
public:
    // Empty table and a message naming the file and line on failure.
    static CsvTable read(const QString& path, QString* error);

    QString path;
    QStringList header;
    bool has(const QString& column) const { return header.contains(column); }
    QVector<double> numbers(const QString& column) const;
    QStringList text(const QString& column) const;
    int rows() const { return cells_.size(); }

private:
    QVector<QStringList> cells_;
};
