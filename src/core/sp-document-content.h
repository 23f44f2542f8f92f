/* sp-document-content.h: one normalised document, as importers produce it
 * and the project stores it: UTF-8 text plus structure as character ranges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-types.h"

G_BEGIN_DECLS

/* Offsets are Unicode code points into SpDocumentContent.text, end exclusive,
 * because GtkTextBuffer, REFI-QDA and Web Annotation all count characters. */
typedef struct
{
  SpSegmentKind kind;
  guint         start;
  guint         end;
  int           level;        /* heading and toc_entry level, emphasis style; 0 if none */
  int           number;       /* footnote, page or paragraph number; 0 if none */
  gint64        timestamp_ms; /* turns and speaker labels; -1 if none */
  int           target;       /* index of a related segment in the same document; -1 if none */
  char         *speaker;      /* turns and speaker labels: the name as the source gives it */
  char         *href;         /* links */
} SpSegment;

struct _SpDocumentContent
{
  char           *title;
  SpDocumentKind  kind;
  GString        *text;      /* valid UTF-8, no NUL */
  guint           n_chars;   /* code points in text */
  GArray         *segments;  /* of SpSegment */
  GPtrArray      *warnings;  /* of char *, for the user, e.g. "converted from Windows-1252" */
};

SpDocumentContent *sp_document_content_new          (SpDocumentKind      kind);
void               sp_document_content_free         (SpDocumentContent  *self);

void               sp_document_content_set_title    (SpDocumentContent  *self,
                                                     const char         *title);
/* Appends UTF-8 text and returns the code point offset where it starts. */
guint              sp_document_content_append       (SpDocumentContent  *self,
                                                     const char         *text,
                                                     gssize              len);
guint              sp_document_content_append_c     (SpDocumentContent  *self,
                                                     gunichar            c);
/* Adds a segment over [start, end) and returns its index. The pointer from
 * sp_document_content_get_segment() is valid until the next add. */
int                sp_document_content_add_segment  (SpDocumentContent  *self,
                                                     SpSegmentKind       kind,
                                                     guint               start,
                                                     guint               end);
SpSegment         *sp_document_content_get_segment  (SpDocumentContent  *self,
                                                     int                 index);
guint              sp_document_content_get_n_segments (SpDocumentContent *self);
void               sp_document_content_add_warning  (SpDocumentContent  *self,
                                                     const char         *format,
                                                     ...) G_GNUC_PRINTF (2, 3);
/* Puts segments in document order (start ascending, enclosing ranges first)
 * and rewrites targets to match. Importers call it once at the end. */
void               sp_document_content_sort         (SpDocumentContent  *self);
/* Checks every invariant the project relies on; a failure is an importer bug
 * or hostile input that slipped through, reported instead of stored. */
gboolean           sp_document_content_validate     (SpDocumentContent  *self,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDocumentContent, sp_document_content_free)

G_END_DECLS
