#pragma once
#include "core/truth/GaussianMixture.h"

#include <string>

namespace scorescope {

// Mixture JSON: {"name": "...", "components": [{"weight": w, "mean": [..], "std": s | "cov": [[..]]}]}.
// Throws Error naming the file, the component and the problem.
GaussianMixture readMixtureJson(const std::string& path);
GaussianMixture parseMixtureJson(const std::string& text, const std::string& origin);
void writeMixtureJson(const GaussianMixture& mixture, const std::string& path);

} // namespace scorescope
