#pragma once

namespace scorescope {

// Keeps freed heap memory in the process instead of handing it back to the kernel. LibTorch frees
// and reallocates the same megabyte-sized temporaries every training step; with glibc's defaults
// those are mmap-ed or trimmed away and page-faulted back in each time, which cost 30 % of a toy
// DSM step and 39 % of an STF step with n = 1024 (bench_stf: 180 → 256 and 116 → 190 steps/s).
// Call once at program start; a no-op where the C library is not glibc.
void retainFreedMemory();

} // namespace scorescope
