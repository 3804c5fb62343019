#include "core/run/MetricsLog.h"

#include "core/common/SystemError.h"
#include "core/run/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace scorescope {

namespace {
std::string csvCell(const nlohmann::ordered_json& v)
{
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
}

std::vector<std::string> scalarKeys(const nlohmann::ordered_json& row)
{
    std::vector<std::string> keys;
    for (auto it = row.begin(); it != row.end(); ++it)
        if (it->is_primitive())
            keys.push_back(it.key());
    return keys;
}

std::string csvLine(const std::vector<std::string>& columns, const nlohmann::ordered_json& row)
{
    std::string line;
    for (size_t i = 0; i < columns.size(); ++i)
        line += (i ? "," : "") + (row.contains(columns[i]) ? csvCell(row[columns[i]]) : std::string());
    return line + "\n";
}

std::string csvHeader(const std::vector<std::string>& columns)
{
    std::string line;
    for (size_t i = 0; i < columns.size(); ++i)
        line += (i ? "," : "") + columns[i];
    return line + "\n";
}
}

MetricsLog::MetricsLog(std::string jsonlPath, std::string csvPath)
    : jsonlPath_(std::move(jsonlPath)), csvPath_(std::move(csvPath))
{
    const auto existing = read(jsonlPath_);
    if (!existing.empty())
        columns_ = scalarKeys(toJson(existing.front()));
    openForAppend();
}

void MetricsLog::openForAppend()
{
    jsonl_ = std::ofstream(jsonlPath_, std::ios::app);
    csv_ = std::ofstream(csvPath_, std::ios::app);
    if (!jsonl_ || !csv_)
        throw SystemError(jsonlPath_, "cannot open metrics files for writing");
}

std::vector<MetricsRow> MetricsLog::read(const std::string& jsonlPath)
{
    std::vector<MetricsRow> rows;
    std::ifstream in(jsonlPath);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        auto row = parseMetricsLine(line);
        if (!row)
            break;
        rows.push_back(std::move(*row));
    }
    return rows;
}

void MetricsLog::truncateAfter(int64_t lastStep)
{
    jsonl_.close();
    csv_.close();
    std::string jsonl, csv = columns_.empty() ? "" : csvHeader(columns_);
    for (const auto& row : read(jsonlPath_)) {
        if (row.step > lastStep)
            continue;
        const auto json = toJson(row);
        jsonl += json.dump() + "\n";
        csv += csvLine(columns_, json);
    }
    writeFileAtomically(jsonlPath_, jsonl);
    writeFileAtomically(csvPath_, csv);
    openForAppend();
}

void MetricsLog::append(const MetricsRow& typed)
{
    const auto row = toJson(typed);
    if (columns_.empty()) {
        columns_ = scalarKeys(row);
        csv_ << csvHeader(columns_);
    }
    jsonl_ << row.dump() << "\n";
    jsonl_.flush();
    if (!jsonl_)
        throw SystemError(jsonlPath_, std::string("cannot append a metrics row: ") + std::strerror(errno));
    csv_ << csvLine(columns_, row);
    csv_.flush();
    if (!csv_)
        throw SystemError(csvPath_, std::string("cannot append a metrics row: ") + std::strerror(errno));
}

} // namespace scorescope
