/* sp-records.h: plain records the project hands out when it is queried.
 * The caller owns each one and frees it with the matching _free function
 * (GPtrArrays returned by the project already carry the free function).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64          id;
  char           *title;
  SpDocumentKind  kind;
  char           *source_name;
  char           *sha256;
  char           *imported_at;  /* ISO 8601, UTC */
  gint64          n_chars;
  guint           n_segments;
  guint           n_turns;
  guint           n_pages;       /* pages of the source, where it had them */
  guint           n_paragraphs;  /* paragraphs and list items of the body */
  guint           n_footnotes;
  char           *warnings;     /* newline separated; "" if none */
} SpDocumentInfo;

typedef struct
{
  gint64         id;
  int            ordinal;          /* position in the document's segment list */
  SpSegmentKind  kind;
  gint64         start;            /* code points, end exclusive */
  gint64         end;
  int            level;
  int            number;
  gint64         timestamp_ms;     /* -1 if none */
  gint64         stakeholder_id;   /* 0 if none */
  char          *stakeholder;      /* name, or NULL */
  int            target_ordinal;   /* -1 if none */
  char          *href;
} SpSegmentInfo;

typedef struct
{
  gint64   id;
  char    *name;
  char    *organisation;
  char    *role;
  char    *sector;
  char    *region;
  char    *color;
  char    *notes;
  GStrv    aliases;
  guint    n_turns;
  guint    n_documents;
} SpStakeholderInfo;

/* One theme of the codebook, as listed in tree order. */
typedef struct
{
  gint64   id;
  gint64   parent_id;      /* 0 for a top-level theme */
  char    *name;
  char    *description;    /* what the theme is about, one line */
  char    *statement;      /* the position stances refer to */
  char    *color;          /* "#rrggbb" */
  char    *shortcut;       /* a key name ("1".."9", a letter) or NULL */
  int      position;       /* among its siblings, from 0 */
  guint    depth;          /* 0 for a top-level theme */
  guint    n_annotations;  /* annotations tagged with this theme itself */
} SpThemeInfo;

void sp_theme_info_free       (SpThemeInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpThemeInfo, sp_theme_info_free)

void sp_document_info_free    (SpDocumentInfo    *info);
void sp_segment_info_free     (SpSegmentInfo     *info);
void sp_stakeholder_info_free (SpStakeholderInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDocumentInfo, sp_document_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSegmentInfo, sp_segment_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpStakeholderInfo, sp_stakeholder_info_free)

G_END_DECLS
