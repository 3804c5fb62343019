#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace scorescope {

// A value typed as text (a command-line flag, a dialog field) that is not of the kind asked for;
// the message says what was expected and what was given, e.g. "expected a positive integer, got 'ten'".
class TextValueError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

int64_t positiveIntegerFromText(const std::string& text);
uint64_t unsignedIntegerFromText(const std::string& text);
double numberFromText(const std::string& text);  // finite
double positiveNumberFromText(const std::string& text);
// The text itself, when it is one of `allowed`.
std::string choiceFromText(const std::string& text, const std::vector<std::string>& allowed);

} // namespace scorescope
