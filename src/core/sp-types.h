/* sp-types.h: shared enums and forward declarations for Standpoint's core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpProject         SpProject;
typedef struct _SpDocumentContent SpDocumentContent;

/* What kind of source a document came from; decides how it is shown. */
typedef enum
{
  SP_DOCUMENT_KIND_TEXT,
  SP_DOCUMENT_KIND_REPORT,
  SP_DOCUMENT_KIND_TRANSCRIPT,
  SP_DOCUMENT_KIND_PDF,
  SP_DOCUMENT_KIND_SUBTITLES,
} SpDocumentKind;

/* The structure of a document, as character ranges over its text.
 * Container kinds (TURN, TOC, NOTES, PAGE) enclose block kinds; inline kinds
 * (SPEAKER, FOOTNOTE_REF, LINK, EMPHASIS) sit inside blocks. */
typedef enum
{
  SP_SEGMENT_HEADING,      /* level 1..6 */
  SP_SEGMENT_PARAGRAPH,    /* number: paragraph number in reading order */
  SP_SEGMENT_LIST_ITEM,    /* number: paragraph number in reading order */
  SP_SEGMENT_TURN,         /* stakeholder, timestamp_ms; encloses speaker + paragraphs */
  SP_SEGMENT_SPEAKER,      /* the "Name 01:23" label line that opens a turn */
  SP_SEGMENT_FOOTNOTE,     /* number; target: its first reference */
  SP_SEGMENT_FOOTNOTE_REF, /* number; target: the footnote it points to */
  SP_SEGMENT_LINK,         /* href */
  SP_SEGMENT_EMPHASIS,     /* level: 1 italic, 2 bold, 3 underline */
  SP_SEGMENT_TOC,          /* the table of contents as a whole */
  SP_SEGMENT_TOC_ENTRY,    /* level; number: the page it names */
  SP_SEGMENT_NOTES,        /* the collected footnotes at the end of the text */
  SP_SEGMENT_PAGE,         /* number: page number in the source */
  SP_SEGMENT_TABLE,        /* rows separated by newlines, cells by tabs */
} SpSegmentKind;

#define SP_SEGMENT_KIND_LAST SP_SEGMENT_TABLE

typedef enum
{
  SP_STANCE_NONE,
  SP_STANCE_SUPPORTS,
  SP_STANCE_OPPOSES,
  SP_STANCE_MIXED,
  SP_STANCE_NEUTRAL,
  SP_STANCE_UNCLEAR,
} SpStance;

const char     *sp_document_kind_to_string (SpDocumentKind kind);
gboolean        sp_document_kind_from_string (const char     *str,
                                              SpDocumentKind *kind);
const char     *sp_segment_kind_to_string  (SpSegmentKind  kind);
gboolean        sp_segment_kind_from_string (const char    *str,
                                             SpSegmentKind *kind);
const char     *sp_stance_to_string        (SpStance       stance);
gboolean        sp_stance_from_string      (const char    *str,
                                            SpStance      *stance);
/* Translated: "Supports", "Opposes", …; "No stance" for SP_STANCE_NONE. */
const char     *sp_stance_get_label        (SpStance       stance);

G_END_DECLS
