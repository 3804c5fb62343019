#pragma once
#include "core/common/Error.h"

namespace scorescope {

// The run failed for a reason outside its input: a write the disk refused, a run directory that
// another process is writing, a job's store that cannot be reached. scorescope-cli exits 1 for
// these and 2 for any other Error, which is a bad file, flag, value or variable (docs/RELIABILITY.md).
class SystemError : public Error {
public:
    using Error::Error;
};

} // namespace scorescope
