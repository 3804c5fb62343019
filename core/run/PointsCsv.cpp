#include "core/run/PointsCsv.h"

#include "core/common/Error.h"
#include "core/run/AtomicFile.h"

#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace scorescope {

namespace {
bool parseRow(const std::string& line, std::vector<double>& out)
{
    out.clear();
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) {
        char* end = nullptr;
        const double v = std::strtod(cell.c_str(), &end);
        while (end && (*end == ' ' || *end == '\r' || *end == '\t'))
            ++end;
        if (end == cell.c_str() || (end && *end != '\0'))
            return false;
        out.push_back(v);
    }
    return !out.empty();
}
}

torch::Tensor readPointsCsv(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw Error(path, "cannot open points file");
    std::vector<double> values, row;
    size_t dim = 0;
    std::string line;
    for (int lineNo = 1; std::getline(in, line); ++lineNo) {
        if (line.empty() || line == "\r")
            continue;
        if (!parseRow(line, row)) {
            if (lineNo == 1)
                continue;  // header
            throw Error(path, "line " + std::to_string(lineNo) + ": not a row of numbers");
        }
        if (dim == 0)
            dim = row.size();
        if (row.size() != dim)
            throw Error(path, "line " + std::to_string(lineNo) + ": " + std::to_string(row.size()) +
                                  " columns, expected " + std::to_string(dim));
        for (double v : row)
            if (!std::isfinite(v))
                throw Error(path, "line " + std::to_string(lineNo) + ": value is not finite");
        values.insert(values.end(), row.begin(), row.end());
    }
    if (values.empty())
        throw Error(path, "no points");
    return torch::tensor(values, torch::kDouble).view({-1, static_cast<int64_t>(dim)});
}

void writeColumnsCsv(const std::string& path, const std::vector<std::string>& header,
                     const std::vector<torch::Tensor>& columns)
{
    std::vector<torch::Tensor> cols;
    for (const auto& c : columns)
        cols.push_back(c.to(torch::kCPU, torch::kDouble).contiguous().view({-1}));
    std::string out;
    for (size_t j = 0; j < header.size(); ++j)
        out += (j ? "," : "") + header[j];
    out += "\n";
    const int64_t n = cols.empty() ? 0 : cols.front().size(0);
    char buf[32];
    for (int64_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < cols.size(); ++j) {
            std::snprintf(buf, sizeof buf, "%.10g", cols[j].data_ptr<double>()[i]);
            out += (j ? "," : "") + std::string(buf);
        }
        out += "\n";
    }
    writeFileAtomically(path, out);
}

void writePointsCsv(const std::string& path, const torch::Tensor& points)
{
    std::vector<std::string> header;
    std::vector<torch::Tensor> cols;
    const auto p = points.flatten(1);
    for (int64_t d = 0; d < p.size(1); ++d) {
        header.push_back("x" + std::to_string(d));
        cols.push_back(p.select(1, d));
    }
    writeColumnsCsv(path, header, cols);
}

} // namespace scorescope
