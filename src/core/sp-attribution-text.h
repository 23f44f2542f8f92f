/* sp-attribution-text.h: the text handling the attribution check needs —
 * cutting a paragraph into sentences and a passage into the words it is
 * compared by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Byte ranges [start, end) of the sentences of @text (@len bytes), trimmed
 * of surrounding white space, appended to @into as pairs of gsize. A
 * sentence ends at ".", "!" or "?" (with any closing quotes, brackets and
 * footnote marks after it) followed by white space and then something that
 * can start a sentence; not after an abbreviation ("Dr.", "e.g.",
 * "U.S."), an initial ("Milton L. Mueller") or a number ("No. 5"). */
void   sp_split_sentences     (const char *text,
                               gsize       len,
                               GArray     *into);

/* Calls @func for each word of @text (@len bytes) worth comparing:
 * case-folded, diacritics removed, English stop words dropped and plural
 * "s" endings stripped. @word is only valid during the call. */
typedef void (*SpWordFunc) (const char *word,
                            gsize       word_len,
                            gpointer    user_data);

void   sp_foreach_word        (const char *text,
                               gsize       len,
                               SpWordFunc  func,
                               gpointer    user_data);

G_END_DECLS
