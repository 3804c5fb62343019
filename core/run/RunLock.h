#pragma once
#include <string>

namespace scorescope {

// The writer's claim on a run directory: an exclusive flock on DIR/.lock, which says who holds it.
// The kernel releases it when the holder ends, however it ends (kill -9 leaves no stale lock), so
// a second writer is refused only while the first is alive. Readers (the workbench following a
// run, `sample`, `eval`) never take it.
class RunLock {
public:
    explicit RunLock(const std::string& dir);  // Error naming the directory and the holder if taken
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

} // namespace scorescope
