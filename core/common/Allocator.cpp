#include "core/common/Allocator.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace scorescope {

void retainFreedMemory()
{
#if defined(__GLIBC__)
    // Blocks below 32 MiB (glibc's largest allowed threshold) come from the heap, and the heap is
    // trimmed only when 512 MiB lie free at its top.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

} // namespace scorescope
