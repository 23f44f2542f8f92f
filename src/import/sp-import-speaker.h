/* sp-import-speaker.h: the lines that open a transcript turn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Only lines shorter than this are tested against the speaker patterns, so
 * the test costs O(1) per line whatever the input. */
#define SP_IMPORT_MAX_SPEAKER_LINE 120

/* A "Name Surname 01:23" line (or "Name (01:23)", "[01:23] Name"), or a
 * "NAME: text" line. Offsets are bytes into the line. */
typedef struct
{
  gsize   name_start;
  gsize   name_len;
  gsize   label_len;     /* the part shown as the SPEAKER label */
  gsize   text_start;    /* colon lines: where the spoken text starts */
  gint64  timestamp_ms;  /* -1 if none */
} SpSpeakerMatch;

gboolean       sp_import_match_speaker_line (const char        *line,
                                             gsize              len,
                                             SpSpeakerMatch    *match);
gboolean       sp_import_match_colon_line   (const char        *line,
                                             gsize              len,
                                             SpSpeakerMatch    *match);

G_END_DECLS
