/* sp-text-snap.h: widening a selection to whole words, so a passage the
 * user tagged in a hurry ("ke-minded stan") is stored as the words they
 * meant ("like-minded standards").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Trims white space from both ends of the code point range [*start, *end)
 * of the valid UTF-8 @text (@len bytes, or -1 if nul-terminated), then moves
 * each end outward while it cuts through a word (a run of characters for
 * which g_unichar_isalnum() holds). Returns FALSE, leaving the range alone,
 * if the range is empty, out of bounds or holds nothing but white space. */
gboolean sp_text_snap_to_words (const char *text,
                                gssize      len,
                                gsize      *start,
                                gsize      *end);

G_END_DECLS
