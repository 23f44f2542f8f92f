/* sp-project-themes.h: the codebook, a tree of themes.
 *
 * Every change goes through the project's undo manager as one SpCommand, so
 * it can be undone and redone, and is refused whole (nothing changed) with
 * an SP_ERROR the user can act on when the input makes no sense.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

/* @parent_id: 0 for a top-level theme. @color: "#rrggbb", or NULL for a
 * colour picked from the palette. @shortcut: NULL or "" for none. */
gboolean     sp_project_add_theme             (SpProject   *self,
                                               const char  *name,
                                               gint64       parent_id,
                                               const char  *color,
                                               const char  *description,
                                               const char  *statement,
                                               const char  *shortcut,
                                               gint64      *out_id,
                                               GError     **error);
gboolean     sp_project_rename_theme          (SpProject   *self,
                                               gint64       id,
                                               const char  *name,
                                               GError     **error);
gboolean     sp_project_set_theme_color       (SpProject   *self,
                                               gint64       id,
                                               const char  *color,
                                               GError     **error);
gboolean     sp_project_set_theme_description (SpProject   *self,
                                               gint64       id,
                                               const char  *description,
                                               GError     **error);
gboolean     sp_project_set_theme_statement   (SpProject   *self,
                                               gint64       id,
                                               const char  *statement,
                                               GError     **error);
/* @shortcut: NULL or "" removes the theme's shortcut. */
gboolean     sp_project_set_theme_shortcut    (SpProject   *self,
                                               gint64       id,
                                               const char  *shortcut,
                                               GError     **error);
/* Moves @id under @parent_id (0: top level) at @position among its new
 * siblings (-1 or past the end: last). Refuses to move a theme into itself
 * or one of its own sub-themes. */
gboolean     sp_project_move_theme            (SpProject   *self,
                                               gint64       id,
                                               gint64       parent_id,
                                               int          position,
                                               GError     **error);
/* sp_project_move_theme() under the same parent. */
gboolean     sp_project_reorder_theme         (SpProject   *self,
                                               gint64       id,
                                               int          position,
                                               GError     **error);
/* Merges @id into @into_id: its annotations are tagged @into_id instead
 * (never twice), its sub-themes move under @into_id, and @id goes. */
gboolean     sp_project_merge_themes          (SpProject   *self,
                                               gint64       id,
                                               gint64       into_id,
                                               GError     **error);
/* Deletes @id and untags its annotations (ask the user first when
 * sp_project_count_theme_annotations() is not 0). Its sub-themes are kept
 * and take its place in the tree. */
gboolean     sp_project_delete_theme          (SpProject   *self,
                                               gint64       id,
                                               GError     **error);
/* Annotations tagged with @id itself; -1 on error. */
gint64       sp_project_count_theme_annotations (SpProject *self,
                                                 gint64     id,
                                                 GError   **error);

/* Every theme, depth first, siblings by position. */
GPtrArray   *sp_project_list_themes           (SpProject   *self,
                                               GError     **error);
SpThemeInfo *sp_project_get_theme             (SpProject   *self,
                                               gint64       id,
                                               GError     **error);
/* Case-insensitive; SP_ERROR_NOT_FOUND if there is none. */
SpThemeInfo *sp_project_find_theme            (SpProject   *self,
                                               const char  *name,
                                               GError     **error);

/* Adds the codebook drawn from the sample corpus (sp-codebook-sample.c) as
 * one undoable change. Themes already present by name are left alone. */
gboolean     sp_project_add_sample_codebook   (SpProject   *self,
                                               GError     **error);

G_END_DECLS
