/* sp-project-links.c: links between annotations (see sp-links.h).
 * SCAFFOLD: to be implemented (helper A). Every function fails for now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-links.h"
#include "sp-project-private.h"

#define NOT_YET(error) g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, "not implemented yet")

void sp_link_info_free (SpLinkInfo *info) { if (info) { g_free (info->created_at); g_free (info); } }
const char *sp_link_kind_to_string (SpLinkKind kind) { return "paraphrases"; }
gboolean sp_link_kind_from_string (const char *str, SpLinkKind *kind) { return FALSE; }
const char *sp_link_kind_get_label (SpLinkKind kind) { return "Paraphrases"; }
gboolean sp_project_link_annotations (SpProject *self, gint64 source_id, gint64 target_id, SpLinkKind kind, gint64 *out_id, GError **error) { NOT_YET (error); return FALSE; }
gboolean sp_project_link_passages (SpProject *self, const SpPassage *source, const SpPassage *target, SpLinkKind kind, gint64 *out_link_id, gint64 *out_source_id, gint64 *out_target_id, GError **error) { NOT_YET (error); return FALSE; }
gboolean sp_project_delete_link (SpProject *self, gint64 id, GError **error) { NOT_YET (error); return FALSE; }
SpLinkInfo *sp_project_get_link (SpProject *self, gint64 id, GError **error) { NOT_YET (error); return NULL; }
GPtrArray *sp_project_list_links (SpProject *self, gint64 document_id, GError **error) { return g_ptr_array_new_with_free_func ((GDestroyNotify) sp_link_info_free); }
GPtrArray *sp_project_list_annotation_links (SpProject *self, gint64 annotation_id, GError **error) { return g_ptr_array_new_with_free_func ((GDestroyNotify) sp_link_info_free); }
