#ifndef C_MAILLAGE_PREFETCH_H
#define C_MAILLAGE_PREFETCH_H

/// Asks the processor to bring the cache line holding `address` closer, for writing, without
/// waiting for it (Swift has no prefetch of its own). A hint only: it never faults and never
/// changes a value.
static inline void maillage_prefetch(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
