/* bench-corpus.h: the large input the benchmarks share, so that import
 * and search are measured on the very same text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The corpus transcript's turns (speaker line to next speaker line, without
 * the footnote lines), repeated with ever later timestamps until the text
 * holds at least @target_bytes. */
GString *sp_bench_build_transcript (gsize target_bytes);
/* Monotonic time in seconds, for timing runs. */
double   sp_bench_now_seconds      (void);
/* For qsort() of timings in ms, to take their median. */
int      sp_bench_compare_double   (const void *a,
                                    const void *b);

G_END_DECLS
