#include "core/common/TextValue.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace scorescope {

namespace {
[[noreturn]] void expected(const std::string& what, const std::string& text)
{
    throw TextValueError("expected " + what + ", got '" + text + "'");
}
} // namespace

int64_t positiveIntegerFromText(const std::string& text)
{
    char* end = nullptr;
    errno = 0;
    const long long n = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE || n <= 0)
        expected("a positive integer", text);
    return n;
}

uint64_t unsignedIntegerFromText(const std::string& text)
{
    char* end = nullptr;
    errno = 0;
    const unsigned long long n = std::strtoull(text.c_str(), &end, 10);
    // strtoull takes "-1" as 2^64 − 1: a sign is refused before it gets there.
    if (text.empty() || text[0] == '-' || *end != '\0' || errno == ERANGE)
        expected("a non-negative integer", text);
    return n;
}

double numberFromText(const std::string& text)
{
    char* end = nullptr;
    const double x = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(x))
        expected("a number", text);
    return x;
}

double positiveNumberFromText(const std::string& text)
{
    const double x = numberFromText(text);
    if (x <= 0.0)
        expected("a positive number", text);
    return x;
}

std::string choiceFromText(const std::string& text, const std::vector<std::string>& allowed)
{
    std::string list;
    for (const auto& a : allowed) {
        if (a == text)
            return text;
        list += (list.empty() ? "" : ", ") + a;
    }
    throw TextValueError("'" + text + "' is not one of " + list);
}

} // namespace scorescope
