// Values arg_sets.cpp repeats because their UAPI header cannot be included
// beside glibc's headers there: checked against the header here, alone.
#include <linux/signal.h>

static_assert(SS_AUTODISARM == (1U << 31), "arg_sets.cpp: SS_AUTODISARM differs from <linux/signal.h>");
