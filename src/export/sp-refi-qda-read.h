/* sp-refi-qda-read.h: reading a .qdpx or .qdc into memory, safely, and
 * checking that it holds together, before the project is touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-types.h"

G_BEGIN_DECLS

/* An archive whose entries add up to more than this is refused as a
 * likely zip bomb; so is one with more entries than SP_REFI_MAX_ENTRIES. */
#define SP_REFI_MAX_TOTAL_BYTES (512 * 1024 * 1024)
#define SP_REFI_MAX_ENTRIES     100000

typedef struct
{
  char     *guid;
  char     *name;
  char     *color;        /* "#rrggbb" or NULL */
  char     *description;
  char     *statement;    /* from a "Standpoint statement" note, or NULL */
  int       parent;       /* index into codes, -1 at the top */
} SpRefiCode;

typedef struct
{
  char     *guid;
  int       source;       /* index into sources */
  gint64    start;        /* code points, half-open */
  gint64    end;
  GArray   *codes;        /* of int, indexes into codes */
  SpStance  stance;
  char     *memo;         /* the notes it refers to, joined; "" if none */
  int       stakeholder;  /* index into cases, -1 if none */
} SpRefiSelection;

typedef struct
{
  char     *guid;
  char     *name;
  char     *text;
  gint64    n_chars;
} SpRefiSource;

typedef struct
{
  char     *guid;
  char     *name;
  char     *description;
  char     *variables[4];  /* as sp_refi_case_variables names them; NULL if absent */
} SpRefiCase;

typedef struct
{
  GPtrArray *codes;       /* SpRefiCode, parents before children */
  GPtrArray *cases;       /* SpRefiCase */
  GPtrArray *sources;     /* SpRefiSource */
  GPtrArray *selections;  /* SpRefiSelection */
} SpRefiProject;

void           sp_refi_project_free (SpRefiProject *project);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpRefiProject, sp_refi_project_free)

/* Reads @file, a .qdpx archive or a .qdc/.qde XML document (told apart
 * by content). Refuses unsafe archive entries, DTDs with entities,
 * content over @max_bytes (the file, or the archive's entries together;
 * normally SP_REFI_MAX_TOTAL_BYTES) and dangling references, naming the
 * entry or GUID. */
SpRefiProject *sp_refi_project_read (GFile          *file,
                                     guint64         max_bytes,
                                     GCancellable   *cancellable,
                                     GError        **error);

G_END_DECLS
