// The prefetch hint is a static inline function in include/CMaillagePrefetch.h; a C target needs one source file.
#include "CMaillagePrefetch.h"
