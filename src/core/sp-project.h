/* sp-project.h: one Standpoint project, stored in one SQLite file.
 *
 * Every change is one transaction and is durable when the call returns.
 * A project object and its connection belong to the thread that opened it;
 * work in another thread opens its own with sp_project_open_secondary().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-document-content.h"
#include "sp-records.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT (sp_project_get_type ())

G_DECLARE_FINAL_TYPE (SpProject, sp_project, SP, PROJECT, GObject)

typedef enum
{
  SP_PROJECT_OPEN_DEFAULT   = 0,
  SP_PROJECT_OPEN_READ_ONLY = 1 << 0,
} SpProjectOpenFlags;

typedef enum
{
  SP_PROJECT_CHANGE_DOCUMENTS    = 1 << 0,
  SP_PROJECT_CHANGE_STAKEHOLDERS = 1 << 1,
  SP_PROJECT_CHANGE_THEMES       = 1 << 2,
  SP_PROJECT_CHANGE_ANNOTATIONS  = 1 << 3,
  SP_PROJECT_CHANGE_LINKS        = 1 << 4,  /* links and attribution decisions */
  SP_PROJECT_CHANGE_PROPERTIES   = 1 << 5,
} SpProjectChange;

#define SP_PROJECT_FILE_EXTENSION ".standpoint"

SpProject  *sp_project_create               (const char          *path,
                                             GError             **error);
SpProject  *sp_project_open                 (const char          *path,
                                             SpProjectOpenFlags   flags,
                                             GError             **error);
/* A second connection to the same file for use in another thread; it shares
 * the primary's claim on the file instead of taking its own. */
SpProject  *sp_project_open_secondary       (SpProject           *primary,
                                             GError             **error);
void        sp_project_close                (SpProject           *self);
gboolean    sp_project_is_open              (SpProject           *self);

const char *sp_project_get_path             (SpProject           *self);
char       *sp_project_dup_title            (SpProject           *self);
gboolean    sp_project_is_read_only         (SpProject           *self);
/* Why the project was opened read-only, for the user; NULL if writable. */
const char *sp_project_get_read_only_reason (SpProject           *self);
guint       sp_project_get_schema_version   (SpProject           *self);

/* Tells listeners of ::changed that another connection changed the file. */
void        sp_project_emit_changed         (SpProject           *self,
                                             SpProjectChange      what);

/* A batch makes many changes (a whole REFI-QDA import: documents, themes,
 * stakeholders, thousands of annotations) one transaction: every call in
 * between runs inside it, and nothing is durable until the commit. A
 * rollback undoes all of it and clears the undo stack, whose commands
 * would refer to rows that are gone. Batches do not nest. */
gboolean    sp_project_begin_batch          (SpProject           *self,
                                             GError             **error);
gboolean    sp_project_commit_batch         (SpProject           *self,
                                             GError             **error);
void        sp_project_rollback_batch       (SpProject           *self);

/* Settings that travel with the project file (sp-project-properties.c):
 * the side-by-side pair, the divider position, … Keys are short ASCII
 * names ("side-by-side.left"). Not undoable: they are view state. */
char       *sp_project_get_property         (SpProject           *self,
                                             const char          *key,
                                             GError             **error);
/* @value NULL removes the key. */
gboolean    sp_project_set_property         (SpProject           *self,
                                             const char          *key,
                                             const char          *value,
                                             GError             **error);

/* Documents (sp-project-documents.c) */
gint64          sp_project_add_document         (SpProject          *self,
                                                 SpDocumentContent  *content,
                                                 const char         *source_name,
                                                 const char         *sha256,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
/* The document imported from a file with this SHA-256, or NULL (no error). */
SpDocumentInfo *sp_project_find_document_by_sha256 (SpProject       *self,
                                                 const char         *sha256,
                                                 GError            **error);
GPtrArray      *sp_project_list_documents       (SpProject          *self,
                                                 GError            **error);
SpDocumentInfo *sp_project_get_document         (SpProject          *self,
                                                 gint64              id,
                                                 GError            **error);
/* Finds a document by id, exact title or source file name, as a person or
 * a script would name it on the command line. */
SpDocumentInfo *sp_project_find_document        (SpProject          *self,
                                                 const char         *reference,
                                                 GError            **error);
char           *sp_project_get_document_text    (SpProject          *self,
                                                 gint64              id,
                                                 GError            **error);
GPtrArray      *sp_project_list_segments        (SpProject          *self,
                                                 gint64              document_id,
                                                 GError            **error);
gboolean        sp_project_delete_document      (SpProject          *self,
                                                 gint64              id,
                                                 GError            **error);

/* Stakeholders (sp-project-stakeholders.c) */
GPtrArray         *sp_project_list_stakeholders (SpProject          *self,
                                                 GError            **error);
SpStakeholderInfo *sp_project_find_stakeholder  (SpProject          *self,
                                                 const char         *name_or_alias,
                                                 GError            **error);

G_END_DECLS
